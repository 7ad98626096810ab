// createimage inside a Vitest jsdom test with the package inlined: validate and the Standard Schema.
import { expect, test } from "vitest";
import * as createimage from "createimage";

const { validate, standardSchema, isReady, init } = createimage;
const REQUEST = { ImageName: "x".repeat(61), InstanceId: "ins-1" };

test("the environment is jsdom", () => {
  expect(typeof window).toBe("object");
  expect(typeof document.createElement).toBe("function");
});

test("validate reports the too-long name", async () => {
  if (!isReady()) await init(); // the browser entry, where the environment picks it
  const r = validate("tencent", REQUEST);
  expect(r.ok).toBe(false);
  expect(r.issues.map((i) => [i.path, i.code])).toEqual([["/ImageName", "too_long"]]);
});

test("the Standard Schema gives the issue at its path, and { value } for a valid request", async () => {
  const schema = standardSchema("tencent")["~standard"];
  const bad = await schema.validate(REQUEST);
  expect(bad.issues.map((i) => i.path)).toEqual([["ImageName"]]);
  const good = { ImageName: "web", InstanceId: "ins-1" };
  expect(await schema.validate(good)).toEqual({ value: good });
});
