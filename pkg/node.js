// Node entry: the same API, initialised synchronously from the .wasm file next to this module.
import { readFileSync } from "node:fs";
import { initSync } from "./index.js";

initSync(readFileSync(new URL("./wasm/createimage_bg.wasm", import.meta.url)));

export * from "./index.js";
