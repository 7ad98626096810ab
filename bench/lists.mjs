// Time per item of every list the rules walk, through the npm package (pkg/node.js: the JS
// encoder, the copy into wasm, the core, the report back), at 1,000, 10,000 and 100,000 items.
// A quadratic step shows as a time per item that grows tenfold per column; a linear one stays
// flat. A benchmark, not a test: nothing is asserted. The native core: `cargo run --release
// --example lists`. Run after `bash scripts/build-wasm.sh`:
//
//   node bench/lists.mjs [FILTER]
import { normalize, validate } from "../pkg/node.js";

const ids = (p, n) => Array.from({ length: n }, (_, i) => `${p}-${i}`);
const tags = (n) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
const OS = { project_id: "0123456789abcdef0123456789abcdef", server_id: "da5834e0-31d2-40f9-b271-6592f9f68370", token: "t" };
const metadata = (n) => ({ ...OS, body: { createImage: { name: "x", metadata: Object.fromEntries(ids("k", n).map((k) => [k, "v"])) } } });
const keys = (prefix, n, value = 1) => Object.fromEntries(ids(prefix, n).map((k) => [k, value]));

const LISTS = [
  ["tencent DataDiskIds", "tencent", (n) => [{ ImageName: "a", InstanceId: "i", DataDiskIds: ids("disk", n) }]],
  ["tencent DataDiskIds.N (flattened)", "tencent", (n) => [Object.assign({ ImageName: "a", InstanceId: "i" }, Object.fromEntries(ids("disk", n).map((d, i) => [`DataDiskIds.${i}`, d])))]],
  ["tencent DataDiskIds x instance/local disks", "tencent", (n) => [{ ImageName: "a", InstanceId: "i", DataDiskIds: ids("disk", n) }, { instanceDataDiskIds: ids("disk", n), localDiskIds: ids("local", n) }]],
  ["tencent SnapshotIds x snapshotDiskUsage", "tencent", (n) => [{ ImageName: "a", SnapshotIds: ids("snap", n) }, { snapshotDiskUsage: Object.fromEntries(ids("snap", n).map((s, i) => [s, i ? "DATA_DISK" : "SYSTEM_DISK"])) }]],
  ["tencent Tags x existingTagKeys", "tencent", (n) => [{ ImageName: "a", InstanceId: "i", TagSpecification: [{ ResourceType: "image", Tags: tags(n) }] }, { existingTagKeys: tags(n).map((t) => t.Key) }]],
  ["tencent ImageName x existingImageNames", "tencent", (n) => [{ ImageName: "web", InstanceId: "i" }, { existingImageNames: ids("image", n) }]],
  ["tencent unknown keys", "tencent", (n) => [{ ImageName: "a", InstanceId: "i", ...keys("x", n) }]],
  ["huawei unknown keys with a lone surrogate", "huawei", (n) => [{ name: "a", image_url: "abc:x", min_disk: 40, ...Object.fromEntries(ids("k", n).map((k) => [k + "\uD800", 1])) }]],
  ["huawei tags", "huawei", (n) => [{ name: "a", image_url: "abc:x", min_disk: 40, tags: ids("k", n).map((k) => `${k}.v`) }]],
  ["huawei image_tags", "huawei", (n) => [{ name: "a", image_url: "abc:x", min_disk: 40, image_tags: ids("k", n).map((k) => ({ key: k, value: "v" })) }]],
  ["nova metadata x metadataQuota", "nova", (n) => [metadata(n), { metadataQuota: n }]],
  ["openstack metadata", "openstack", (n) => [metadata(n)]],
  ["zenlayer unknown keys x unknown context keys", "zenlayer", (n) => [{ instanceId: "i", imageName: "a", ...keys("x", n) }, keys("x", n)]],
];

/** Microseconds per item of validate + normalize on n items: the best of three runs. */
function perItem(provider, make, n) {
  const [request, context] = make(n);
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = process.hrtime.bigint();
    validate(provider, request, { context });
    normalize(provider, request, { context });
    best = Math.min(best, Number(process.hrtime.bigint() - t) / n);
  }
  return best / 1000;
}

const filter = process.argv[2] ?? "";
console.log("time per item of validate + normalize (npm package in Node, µs/item, best of 3)");
console.log(`${"list".padEnd(46)} ${"1,000".padStart(10)} ${"10,000".padStart(10)} ${"100,000".padStart(10)} ${"100k / 1k".padStart(12)}`);
for (const [name, provider, make] of LISTS.filter(([name]) => name.includes(filter))) {
  const t = [1_000, 10_000, 100_000].map((n) => perItem(provider, make, n));
  console.log(`${name.padEnd(46)} ${t.map((x) => x.toFixed(2).padStart(10)).join(" ")} ${(t[2] / t[0]).toFixed(2).padStart(12)}`);
}
