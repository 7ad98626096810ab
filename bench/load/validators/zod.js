// The Tencent CreateImage rules as a zod 4 schema: the `tencent` schema of the peer benchmark
// (/work/shared/bench-peer/zod.mjs), unchanged. zod 4.6 counts string lengths in code points.
import * as z from "zod";

const unique = (a) => new Set(a).size === a.length;
const tencentId = z.string().min(1);
const trueFalse = z.enum(["true", "false"]);

export const tencent = z.object({
  ImageName: z.string().min(1).max(60),
  InstanceId: tencentId.optional(),
  ImageDescription: z.string().max(256).optional(),
  ForcePoweroff: trueFalse.optional(),
  Sysprep: trueFalse.optional(),
  DataDiskIds: z.array(tencentId).refine(unique, "Duplicate ids").optional(),
  SnapshotIds: z.array(tencentId).min(1).refine(unique, "Duplicate ids").optional(),
  DryRun: z.boolean().optional(),
}).superRefine((r, ctx) => {
  const hasInstance = r.InstanceId !== undefined;
  const hasSnapshots = r.SnapshotIds !== undefined;
  if (hasInstance && hasSnapshots) {
    ctx.addIssue({ code: "custom", path: ["SnapshotIds"],
      message: "SnapshotIds cannot be passed together with InstanceId" });
  } else if (!hasInstance && !hasSnapshots) {
    ctx.addIssue({ code: "custom", path: ["InstanceId"],
      message: "One of InstanceId or SnapshotIds is required" });
  }
  if (r.DataDiskIds !== undefined && !hasInstance) {
    ctx.addIssue({ code: "custom", path: ["DataDiskIds"], message: "DataDiskIds requires InstanceId" });
  }
});
