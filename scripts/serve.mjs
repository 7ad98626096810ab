#!/usr/bin/env node
// A dependency-free static server for the demo console: www/ is served as the site root and pkg/
// (the BUILT npm package) as /pkg/, so the page loads the package exactly as any console would.
//
//   node scripts/serve.mjs              PORT from the environment, else 8080, else any free port
//   import { start } from "./scripts/serve.mjs"; const { url, close } = await start({ port: 0 });
//
// Binds 127.0.0.1 only. GET and HEAD only; paths are confined to www/ and pkg/ (no traversal,
// no symlinks out, no dot-files); every response says no-cache so a rebuild shows up on reload.
import { createServer } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WWW = join(ROOT, "www");
const PKG = join(ROOT, "pkg");

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

// The page's policy: scripts and wasm only from this origin, no inline script, no plugins.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Map a URL path to [base folder, relative segments], or null when it is outside www/ and pkg/. */
function route(pathname) {
  let p;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (p.includes("\0") || p.includes("\\")) return null;
  const segs = p.split("/").filter((s) => s !== "");
  if (segs.some((s) => s === ".." || s === "." || s.startsWith("."))) return null;
  if (segs[0] === "pkg") return [PKG, segs.slice(1)];
  if (segs[0] === "www") return [WWW, segs.slice(1)]; // the project root's layout works too
  return [WWW, segs];
}

async function resolveFile(base, segs) {
  let file = join(base, ...segs);
  let st = await stat(file).catch(() => null);
  if (st && st.isDirectory()) {
    file = join(file, "index.html");
    st = await stat(file).catch(() => null);
  }
  if (!st || !st.isFile()) return null;
  // No symlink may lead outside the served folder.
  const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)]);
  if (realFile !== realBase && !realFile.startsWith(realBase + sep)) return null;
  return { file, st };
}

function send(res, status, headers, body, head) {
  res.writeHead(status, { "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff", ...headers });
  res.end(head ? undefined : body);
}

async function handle(req, res) {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) {
    return send(res, 405, { Allow: "GET, HEAD", "Content-Type": MIME[".txt"] }, "method not allowed\n");
  }
  let url;
  try {
    url = new URL(req.url, "http://localhost");
  } catch {
    return send(res, 400, { "Content-Type": MIME[".txt"] }, "bad request\n", head);
  }
  const r = route(url.pathname);
  const found = r && (await resolveFile(r[0], r[1]));
  if (!found) return send(res, 404, { "Content-Type": MIME[".txt"] }, "not found\n", head);
  // A folder without its trailing slash: redirect so the page's relative URLs resolve.
  if (!url.pathname.endsWith("/") && found.file.endsWith(sep + "index.html") && !url.pathname.endsWith("index.html")) {
    return send(res, 301, { Location: url.pathname + "/" + url.search }, "", head);
  }
  const etag = `W/"${found.st.size.toString(16)}-${Math.floor(found.st.mtimeMs).toString(16)}"`;
  const type = MIME[extname(found.file).toLowerCase()] || "application/octet-stream";
  const headers = { "Content-Type": type, ETag: etag };
  if (type.startsWith("text/html")) headers["Content-Security-Policy"] = CSP;
  if (req.headers["if-none-match"] === etag) return send(res, 304, headers, "", true);
  const body = await readFile(found.file);
  headers["Content-Length"] = body.length;
  send(res, 200, headers, body, head);
}

function listen(server, port, host) {
  return new Promise((ok, fail) => {
    const onError = (e) => {
      server.off("listening", onListening);
      fail(e);
    };
    const onListening = () => {
      server.off("error", onError);
      ok();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/**
 * Start the server. `port: 0` picks a free port; with `fallback: true` a taken port falls back to a
 * free one. Resolves to { url, port, server, close() } (close() also drops keep-alive connections).
 */
export async function start({ port = 0, host = "127.0.0.1", fallback = false } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, { "Content-Type": MIME[".txt"] }, "internal error\n");
      else res.destroy();
      console.error("serve:", e);
    });
  });
  try {
    await listen(server, port, host);
  } catch (e) {
    if (!(fallback && e.code === "EADDRINUSE" && port !== 0)) throw e;
    await listen(server, 0, host);
  }
  const actual = server.address().port;
  const url = `http://${host}:${actual}/`;
  const close = () =>
    new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
  return { url, port: actual, server, close };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const env = process.env.PORT;
  const wanted = env === undefined || env === "" ? 8080 : Number(env);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`serve: PORT must be a port number, not ${JSON.stringify(env)}`);
    process.exit(2);
  }
  if (!existsSync(join(PKG, "wasm", "createimage_bg.wasm"))) {
    console.error("serve: pkg/wasm/ is not built yet: run `bash scripts/serve.sh` (or `bash scripts/build-wasm.sh`) first");
  }
  const { url, port, close } = await start({ port: wanted, fallback: true });
  if (port !== wanted && wanted !== 0) console.log(`serve: port ${wanted} is taken; using ${port}`);
  console.log(`createimage console: ${url}`);
  const stop = () => close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
