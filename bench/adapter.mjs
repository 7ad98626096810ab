// Plug-in adapter for the peer benchmark (shared/bench-peer/bench.mjs): the createimage npm
// package as built in pkg/ (scripts/build-wasm.sh), through its public API: validate() =
// encode() the request to JSON text, one call into wasm, JSON.parse of the answer ("" = valid).
//
//   node bench.mjs /path/to/bench/adapter.mjs      (scripts/bench.sh does this)
//
// Provider ids: the peer's `nova` follows the seed page's rules (metadata values <= 65,535
// UTF-8 bytes, no whitespace-only rule), which is our `openstack` profile, not our `nova`
// (upstream Nova: metadata values <= 255 characters, keys of [a-zA-Z0-9-_:. ]). So `nova` is
// sent as `openstack` unless CREATEIMAGE_PEER_NOVA=nova.
import { validate as check } from "../pkg/node.js";

export const name = "createimage";

const NOVA = process.env.CREATEIMAGE_PEER_NOVA === "nova" ? "nova" : "openstack";

export function validate(provider, request) {
  const r = check(provider === "nova" ? NOVA : provider, request);
  return { valid: r.ok, errors: r.issues };
}
