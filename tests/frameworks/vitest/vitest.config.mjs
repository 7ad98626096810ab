import { defineConfig } from "vitest/config";

// The package INLINED (transformed by Vite like the app's own code, as a bundler would), in jsdom.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    environment: "jsdom",
    include: ["*.spec.js"],
    server: { deps: { inline: ["createimage"] } },
  },
});
