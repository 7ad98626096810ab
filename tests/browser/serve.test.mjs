// scripts/serve.mjs: what the console's server must do (no browser needed).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { spawn } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { start } from "../../scripts/serve.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let srv;

before(async () => {
  srv = await start({ port: 0 });
});
after(async () => {
  await srv.close();
});

const get = (path, init) => fetch(new URL(path, srv.url), init);

test("binds 127.0.0.1 and reports its URL", () => {
  assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.equal(srv.server.address().address, "127.0.0.1");
});

test("serves www/ as / and pkg/ as /pkg/ with the right MIME types", async () => {
  const cases = [
    ["/", "text/html; charset=utf-8", "www/index.html"],
    ["/index.html", "text/html; charset=utf-8", "www/index.html"],
    ["/app.js", "text/javascript; charset=utf-8", "www/app.js"],
    ["/style.css", "text/css; charset=utf-8", "www/style.css"],
    ["/favicon.svg", "image/svg+xml", "www/favicon.svg"],
    ["/pkg/index.js", "text/javascript; charset=utf-8", "pkg/index.js"],
    ["/www/app.js", "text/javascript; charset=utf-8", "www/app.js"],
  ];
  if (existsSync(ROOT + "pkg/wasm/createimage_bg.wasm")) {
    cases.push(["/pkg/wasm/createimage_bg.wasm", "application/wasm", "pkg/wasm/createimage_bg.wasm"]);
    cases.push(["/pkg/wasm/createimage.js", "text/javascript; charset=utf-8", "pkg/wasm/createimage.js"]);
  }
  for (const [path, type, file] of cases) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get("content-type"), type, path);
    assert.equal(r.headers.get("cache-control"), "no-cache", path);
    const body = Buffer.from(await r.arrayBuffer());
    assert.ok(body.equals(readFileSync(ROOT + file)), `${path} is ${file}`);
  }
  const html = await get("/");
  assert.match(html.headers.get("content-security-policy"), /script-src 'self' 'wasm-unsafe-eval'/);
});

test("HEAD, 304, 404, 405 and no way out of www/ and pkg/", async () => {
  const head = await get("/app.js", { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(Number(head.headers.get("content-length")), readFileSync(ROOT + "www/app.js").length);
  const again = await get("/app.js", { headers: { "If-None-Match": head.headers.get("etag") } });
  assert.equal(again.status, 304);
  for (const path of ["/nope.js", "/pkg/nope", "/%2e%2e/Cargo.toml", "/..%2fCargo.toml", "/pkg/..%2fCargo.toml", "/.gitignore", "/%00", "/%E0%A4%A"]) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
  }
  // fetch() normalizes "..", so send a raw request line.
  const raw = await new Promise((ok, fail) => {
    import("node:http").then(({ request }) => {
      const req = request({ host: "127.0.0.1", port: srv.port, path: "/../Cargo.toml" }, (res) => {
        res.resume();
        ok(res.statusCode);
      });
      req.on("error", fail);
      req.end();
    });
  });
  assert.equal(raw, 404);
  const post = await get("/", { method: "POST", body: "x" });
  assert.equal(post.status, 405);
  const redirect = await get("/www", { redirect: "manual" });
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.get("location"), "/www/");
});

test("the CLI prints the URL and falls back to a free port when PORT is taken", async () => {
  const blocker = createServer();
  await new Promise((ok) => blocker.listen(0, "127.0.0.1", ok));
  const taken = blocker.address().port;
  const child = spawn(process.execPath, [ROOT + "scripts/serve.mjs"], {
    env: { ...process.env, PORT: String(taken) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const line = await new Promise((ok, fail) => {
      let out = "";
      const timer = setTimeout(() => fail(new Error("no URL printed: " + out)), 10000);
      child.stdout.on("data", (d) => {
        out += d;
        const m = out.match(/createimage console: (http:\/\/127\.0\.0\.1:(\d+)\/)/);
        if (m) {
          clearTimeout(timer);
          ok(m);
        }
      });
      child.on("exit", (code) => fail(new Error(`exited ${code}: ${out}`)));
    });
    assert.notEqual(Number(line[2]), taken);
    const r = await fetch(line[1]);
    assert.equal(r.status, 200);
  } finally {
    child.kill("SIGTERM");
    await new Promise((ok) => (child.exitCode !== null ? ok() : child.once("exit", ok)));
    await new Promise((ok) => blocker.close(ok));
  }
});

test("the console's scripts never write HTML (no innerHTML and friends)", () => {
  for (const f of ["app.js", "form.js", "dom.js", "i18n.js", "examples.js"]) {
    const src = readFileSync(ROOT + "www/" + f, "utf8");
    for (const bad of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment", "DOMParser", "eval(", "new Function"]) {
      assert.ok(!src.includes(bad), `www/${f} uses ${bad}`);
    }
  }
});
