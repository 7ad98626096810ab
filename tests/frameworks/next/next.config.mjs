import { fileURLToPath } from "node:url";

// No serverExternalPackages: the package must work when Next.js bundles it for the server.
// The root is the repository's: createimage is linked from ../../pkg.
export default {
  turbopack: { root: fileURLToPath(new URL("../../../", import.meta.url)) },
};
