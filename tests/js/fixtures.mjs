// Fixtures shared by the hostile-input tests (hostile.test.mjs, options.test.mjs): one valid
// request per provider, a function that throws, and the check that the module still works after
// a bad call. Not a test file itself (node --test only picks up *.test.mjs here).
import assert from "node:assert/strict";
import { normalize, toHttp, validate } from "../../pkg/node.js";
import { PROVIDERS } from "./helpers.mjs";

/** A valid request per provider. */
export const VALID = {
  zenlayer: { instanceId: "vm-1a2b3c", imageName: "web-server_01" },
  tencent: { Region: "ap-guangzhou", ImageName: "web-server", InstanceId: "ins-6pb6lrmy" },
  openstack: {
    project_id: "0123456789abcdef0123456789abcdef",
    server_id: "da5834e0-31d2-40f9-b271-6592f9f68370",
    token: "gAAAAABk-token",
    body: { createImage: { name: "web-snapshot", metadata: { purpose: "backup" } } },
  },
  nova: {
    project_id: "0123456789abcdef0123456789abcdef",
    server_id: "da5834e0-31d2-40f9-b271-6592f9f68370",
    token: "gAAAAABk-token",
    body: { createImage: { name: "web snapshot", metadata: { purpose: "backup" } } },
  },
  huawei: { name: "fedora-data1", image_url: "image-test:fedora_data1.qcow2", min_disk: 40 },
};

/** Where each provider keeps its image name (the keys from the request's root). */
export const NAME = {
  zenlayer: ["imageName"],
  tencent: ["ImageName"],
  openstack: ["body", "createImage", "name"],
  nova: ["body", "createImage", "name"],
  huawei: ["name"],
};

/** A getter, trap or toString that throws. */
export const boom = () => {
  throw new Error("boom");
};

/** After any call: every provider's good request still passes, through every function. */
export function stillWorks(what) {
  for (const p of PROVIDERS) {
    const r = validate(p, VALID[p]);
    assert.equal(r.ok, true, `${what}: the module stopped working (${p}): ${JSON.stringify(r)}`);
    assert.equal(normalize(p, VALID[p]).ok, true, `${what}: normalize after (${p})`);
    assert.equal(toHttp(p, VALID[p]).ok, true, `${what}: toHttp after (${p})`);
  }
}
