import { resolve } from "node:path";
import { build } from "vite";

/** Builds web/ into web/dist with its own Vite config, as `npm run build:web` does. */
export async function buildWeb() {
  await build({ configFile: resolve(import.meta.dirname, "../../../web/vite.config.ts"), logLevel: "warn" });
}
