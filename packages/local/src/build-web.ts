import { resolve } from "node:path";
import { build } from "vite";
import { webDist } from "./web-dist";

/** Builds web/ into web/dist (or WEB_DIST) with its own Vite config, as `npm run build:web` does. */
export async function buildWeb() {
  await build({ configFile: resolve(import.meta.dirname, "../../../web/vite.config.ts"), logLevel: "warn", build: { outDir: webDist, emptyOutDir: true } });
}
