// The Tencent CreateImage rules as a valibot 1 schema, equivalent to validators/zod.js: the same
// fields, limits and cross-field rules (v.forward + v.partialCheck, valibot's way of putting a
// cross-field issue on one field). Lengths in code points as zod 4.6 counts them (valibot's
// minLength/maxLength count UTF-16 units, so strings get a code-point check).
import * as v from "valibot";

const chars = (min, max) =>
  v.check((s) => {
    let n = 0;
    for (const _ of s) n++;
    return n >= min && n <= max;
  }, `Expected ${min} to ${max} characters`);
const unique = (a) => new Set(a).size === a.length;
const tencentId = v.pipe(v.string(), v.minLength(1));
const trueFalse = v.picklist(["true", "false"]);

export const tencent = v.pipe(
  v.object({
    ImageName: v.pipe(v.string(), chars(1, 60)),
    InstanceId: v.optional(tencentId),
    ImageDescription: v.optional(v.pipe(v.string(), chars(0, 256))),
    ForcePoweroff: v.optional(trueFalse),
    Sysprep: v.optional(trueFalse),
    DataDiskIds: v.optional(v.pipe(v.array(tencentId), v.check(unique, "Duplicate ids"))),
    SnapshotIds: v.optional(v.pipe(v.array(tencentId), v.minLength(1), v.check(unique, "Duplicate ids"))),
    DryRun: v.optional(v.boolean()),
  }),
  v.forward(
    v.partialCheck([["InstanceId"], ["SnapshotIds"]], (r) => !(r.InstanceId !== undefined && r.SnapshotIds !== undefined),
      "SnapshotIds cannot be passed together with InstanceId"),
    ["SnapshotIds"],
  ),
  v.forward(
    v.partialCheck([["InstanceId"], ["SnapshotIds"]], (r) => r.InstanceId !== undefined || r.SnapshotIds !== undefined,
      "One of InstanceId or SnapshotIds is required"),
    ["InstanceId"],
  ),
  v.forward(
    v.partialCheck([["InstanceId"], ["DataDiskIds"]], (r) => r.DataDiskIds === undefined || r.InstanceId !== undefined,
      "DataDiskIds requires InstanceId"),
    ["DataDiskIds"],
  ),
);
