// Node entry (the "node" condition of "."): createimage/sync, the module inlined and ready at
// import. No file is read, so it works wherever a bundler copies it (Next.js server builds,
// Vitest, webpack's node target).
export * from "./sync.js";
