// Builds the three examples with Vite into dist/<app>/ (base "./": servable from any folder).
//   node build.mjs [app...]
import { build } from "vite";
import { fileURLToPath } from "node:url";

export const APPS = ["react-hook-form", "tanstack-form", "vee-validate"];

const apps = process.argv.length > 2 ? process.argv.slice(2) : APPS;
for (const app of apps) {
  if (!APPS.includes(app)) throw new Error(`unknown example ${app} (${APPS.join(", ")})`);
  const t0 = performance.now();
  await build({ configFile: fileURLToPath(new URL(`./${app}/vite.config.js`, import.meta.url)), logLevel: "warn" });
  console.log(`examples: built ${app} in ${Math.round(performance.now() - t0)} ms -> www/examples/dist/${app}/`);
}
