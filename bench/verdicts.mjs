// Our verdicts on the peer's cases (bench/peer-run/cases.mjs), with the adapter's provider mapping.
//   node bench/verdicts.mjs [--all]   exit 3 if one of the four benchmark requests disagrees
//   --all: also every case of the peer's list, under both readings of the peer's `nova`
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { validate as adapter } from "./adapter.mjs";
import { validate } from "../pkg/node.js";

const here = dirname(fileURLToPath(import.meta.url));
const peerDir = resolve(process.env.BENCH_PEER_DIR ?? resolve(here, "peer-run"));
const { bench, cases } = await import(pathToFileURL(resolve(peerDir, "cases.mjs")).href);

let bad = 0;
for (const [id, w] of [["a", bench.zenlayerValidCjk], ["b", bench.tencentConflictLongName],
  ["c", bench.huaweiTenImageTags], ["d", bench.novaTwentyMetadata]]) {
  const r = adapter(w.provider, w.request);
  if (r.valid !== w.valid) {
    bad++;
    console.log(`(${id}) ${w.provider}: createimage says ${r.valid ? "valid" : "invalid"}, the peer expects ${w.valid ? "valid" : "invalid"}: `
      + r.errors.map((e) => `${e.code} at ${e.path}`).slice(0, 3).join(", ") + (r.errors.length > 3 ? ", ..." : ""));
  }
}
if (process.argv.includes("--all")) {
  for (const nova of ["openstack", "nova"]) {
    const diff = cases.filter((c) => validate(c.provider === "nova" ? nova : c.provider, c.request).ok !== c.valid);
    console.log(`all ${cases.length} peer cases, peer nova -> our ${nova}: ${diff.length} verdicts differ`
      + (diff.length ? `: ${diff.map((c) => c.id).join(", ")}` : ""));
  }
}
process.exit(bad ? 3 : 0);
