// What the console itself knows: example requests (from the providers' pages), placeholders, and
// sample values for the pre-flight context panel (whose fields come from describe()).

export const EXAMPLES = {
  zenlayer: { instanceId: "930482520448000001", imageName: "web-server-image", imageDescription: "Nginx on Ubuntu 22.04" },
  tencent: {
    Region: "ap-guangzhou",
    ImageName: "web-server-image",
    InstanceId: "ins-6pb6lrmy",
    ImageDescription: "Nginx on CentOS 7",
    ForcePoweroff: "false",
    TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "team", Value: "web" }] }],
  },
  openstack: {
    project_id: "c4b5c8a3e2f54f0f9a7d1b2c3d4e5f60",
    server_id: "da5834e0-31d2-40f9-b271-6592f9f68370",
    token: "gAAAAABexampletoken",
    body: { createImage: { name: "foo-image", metadata: { meta_var: "meta_val" } } },
  },
  nova: {
    project_id: "c4b5c8a3e2f54f0f9a7d1b2c3d4e5f60",
    server_id: "da5834e0-31d2-40f9-b271-6592f9f68370",
    token: "gAAAAABexampletoken",
    body: { createImage: { name: "foo-image", metadata: { meta_var: "meta_val" } } },
  },
  huawei: {
    name: "ims_test_file",
    description: "Image from a file in OBS",
    os_type: "Linux",
    image_url: "ims-image:centos70.qcow2",
    min_disk: 40,
    image_tags: [{ key: "key2", value: "value2" }],
  },
};

/** The request a blank form starts from (OpenStack's wrapper is part of the form, not a field). */
export function blank(provider) {
  return provider === "openstack" || provider === "nova" ? { body: { createImage: {} } } : {};
}

export const PLACEHOLDERS = {
  zenlayer: { "/instanceId": "930482520448000001", "/imageName": "web-server-image" },
  tencent: {
    "/Region": "ap-guangzhou",
    "/ImageName": "web-server-image",
    "/InstanceId": "ins-6pb6lrmy",
    "/DataDiskIds": "disk-xxxxxxxx",
    "/SnapshotIds": "snap-xxxxxxxx",
    "/ImageFamily": "business-daily-update",
  },
  openstack: {
    "/project_id": "c4b5c8a3e2f54f0f9a7d1b2c3d4e5f60",
    "/server_id": "da5834e0-31d2-40f9-b271-6592f9f68370",
    "/body/createImage/name": "foo-image",
  },
  huawei: {
    "/name": "ims_test_file",
    "/image_url": "ims-image:centos70.qcow2",
    "/min_disk": "40",
    "/enterprise_project_id": "0",
  },
};
PLACEHOLDERS.nova = PLACEHOLDERS.openstack;

// The pre-flight context panel lists describe(provider).context: every field the package reads,
// with its type and label, so it cannot fall behind. The console adds only sample values to pick
// from (a datalist), where a short list helps.
const SAMPLES = {
  zone: ["SEL-A", "FRA-A", "SIN-E", "LAX-A"],
  instanceState: {
    zenlayer: ["STOPPED", "RUNNING", "STARTING", "STOPPING", "REBOOTING"],
    tencent: ["RUNNING", "STOPPED", "STARTING", "STOPPING", "REBOOTING", "TERMINATING"],
  },
  instanceLatestOperationState: ["SUCCESS", "OPERATING", "FAILED"],
  systemDiskStatus: ["AVAILABLE", "MAKING_IMAGE", "UNAVAILABLE"],
  vmState: ["ACTIVE", "STOPPED", "PAUSED", "SUSPENDED", "ERROR", "SHELVED"],
  taskState: ["image_snapshot", "rebooting", "migrating"],
  microversion: ["2.1", "2.38", "2.39", "2.96"],
  bucketStorageClass: ["STANDARD", "WARM", "COLD", "DEEP_ARCHIVE"],
  bucketRegion: ["ae-ad-1", "cn-north-4", "ap-southeast-1"],
  region: ["ae-ad-1", "cn-north-4", "ap-southeast-1"],
};

// describe()'s context types -> the panel's input kinds: string | boolean | integer |
// list (comma-separated strings) | usage (id:VALUE pairs -> object). Others (string|null) are strings.
const KINDS = { boolean: "boolean", integer: "integer", "string[]": "list", object: "usage" };

/** The panel's fields for a provider, from its describe() result: `{ name, kind, label, options? }`. */
export function contextFields(provider, description) {
  return (description.context || []).map((c) => {
    const s = SAMPLES[c.name];
    const options = Array.isArray(s) ? s : s && s[provider];
    return { name: c.name, kind: KINDS[c.type] || "string", label: c.label || {}, ...(options ? { options } : {}) };
  });
}

/** The context object from the panel's raw strings, for its `fields` (empty inputs are left out). */
export function contextValue(fields, raw) {
  const out = {};
  for (const f of fields) {
    const s = (raw[f.name] ?? "").trim();
    if (s === "") continue;
    switch (f.kind) {
      case "boolean":
        out[f.name] = s === "true";
        break;
      case "integer":
        // Not a whole number: passed on as typed, so the package reports the console's mistake.
        out[f.name] = /^-?\d+$/.test(s) ? Number(s) : s;
        break;
      case "list":
        out[f.name] = s.split(",").map((x) => x.trim()).filter((x) => x !== "");
        break;
      case "usage": {
        const m = {};
        for (const pair of s.split(",")) {
          const i = pair.indexOf(":");
          const k = (i < 0 ? pair : pair.slice(0, i)).trim();
          if (k !== "") m[k] = i < 0 ? "" : pair.slice(i + 1).trim();
        }
        out[f.name] = m;
        break;
      }
      default:
        out[f.name] = s;
    }
  }
  return out;
}
