"use client";
// A client component using the package as a console would: the rule data (jsonSchema, needs no
// wasm) at render, on the server (prerender) and in the browser alike; the check through the
// Standard Schema, which waits for the module in the browser and answers at once on the server.
import { useEffect, useState } from "react";
import { jsonSchema, standardSchema } from "createimage";

const REQUEST = { ImageName: "x".repeat(61), InstanceId: "ins-1" };
const schema = standardSchema("tencent");

export default function Check() {
  const [result, setResult] = useState("checking");
  useEffect(() => {
    let live = true;
    Promise.resolve(schema["~standard"].validate(REQUEST)).then((r) => {
      if (live) setResult(r.issues ? r.issues.map((i) => `${(i.path ?? []).join(".")}: ${i.message}`).join("\n") : "valid");
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <section>
      <p id="schema">{jsonSchema("tencent").title}</p>
      <pre id="result">{result}</pre>
    </section>
  );
}
