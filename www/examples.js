// What the console itself knows: example requests (from the providers' pages), placeholders, and
// the pre-flight context each provider's checks read (options.context; describe() does not list it).

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

// kind: string | boolean | integer | list (comma-separated strings) | usage (id:USAGE pairs -> object)
export const CONTEXT = {
  zenlayer: [
    { name: "zone", kind: "string", options: ["SEL-A", "FRA-A", "SIN-E", "LAX-A"] },
    { name: "instanceExists", kind: "boolean" },
    { name: "instanceState", kind: "string", options: ["STOPPED", "RUNNING", "STARTING", "STOPPING", "REBOOTING"] },
    { name: "imagesInZone", kind: "integer" },
    { name: "systemDiskStatus", kind: "string", options: ["AVAILABLE", "MAKING_IMAGE", "UNAVAILABLE"] },
  ],
  tencent: [
    { name: "instanceExists", kind: "boolean" },
    { name: "instanceState", kind: "string", options: ["RUNNING", "STOPPED", "STARTING", "STOPPING", "REBOOTING", "TERMINATING"] },
    { name: "instanceSystemDiskId", kind: "string" },
    { name: "instanceDataDiskIds", kind: "list" },
    { name: "localDiskIds", kind: "list" },
    { name: "snapshotDiskUsage", kind: "usage" },
    { name: "existingImageNames", kind: "list" },
    { name: "imageQuotaRemaining", kind: "integer" },
    { name: "existingTagKeys", kind: "list" },
  ],
  openstack: [
    { name: "vmState", kind: "string", options: ["ACTIVE", "STOPPED", "PAUSED", "SUSPENDED", "ERROR", "SHELVED"] },
    { name: "taskState", kind: "string", options: ["image_snapshot", "rebooting", "migrating"] },
    { name: "tokenProjectId", kind: "string" },
    { name: "metadataQuota", kind: "integer" },
    { name: "snapshotsEnabled", kind: "boolean" },
  ],
  huawei: [{ name: "bucketStorageClass", kind: "string", options: ["STANDARD", "WARM", "COLD", "DEEP_ARCHIVE"] }],
};
CONTEXT.nova = [...CONTEXT.openstack, { name: "microversion", kind: "string", options: ["2.1", "2.38", "2.39", "2.96"] }];

/** The context object from the panel's raw strings (empty inputs are left out). */
export function contextValue(provider, raw) {
  const out = {};
  for (const f of CONTEXT[provider]) {
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
