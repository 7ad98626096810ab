// createimage/sync: the same API as "createimage" (all five providers), ready at import.
export * from "./index.js";
