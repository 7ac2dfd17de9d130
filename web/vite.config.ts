import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { stringsByLanguage } from "./strings-by-language.ts";
// FERPA: nothing but our own origin may run code, load styles or receive data (one list, shared with AWS and npm start).
import { metaContentSecurityPolicy } from "../infra/web-policy.ts";

const contentSecurityPolicy = (): Plugin => ({
  name: "fidelio-csp",
  apply: "build",
  transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: metaContentSecurityPolicy }, injectTo: "head-prepend" }],
});

/**
 * The roster samples (public/samples) as one zip per OneRoster version, each with Fidelio's own files:
 * one download an administrator can upload as it is. Built from the same CSVs the tests import.
 */
const rosterSampleZips = (): Plugin => ({
  name: "fidelio-roster-samples",
  apply: "build",
  generateBundle() {
    const dir = join(import.meta.dirname, "public/samples");
    const files = (set: string) => Object.fromEntries(readdirSync(join(dir, set)).map((name) => [name, readFileSync(join(dir, set, name))]));
    for (const version of ["1.1", "1.2"]) {
      const source = zipSync({ ...files(`oneroster-${version}`), ...files("fidelio") }, { mtime: new Date("2026-08-01T00:00:00Z") });
      this.emitFile({ type: "asset", fileName: `samples/fidelio-sample-oneroster-${version}.zip`, source });
    }
  },
});

// Root is web/ whether Vite runs from here or as `vite build web` from the repo root.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [stringsByLanguage(), solid(), contentSecurityPolicy(), rosterSampleZips()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // No modulepreload polyfill in every reader's entry: a browser without modulepreload (Safari before
    // 17) fetches a page's modules as it imports them instead of ahead, slower there but not broken.
    modulePreload: { polyfill: false },
    // Rolldown's [PLUGIN_TIMINGS] report (the Solid transform is most of a build) is noise in `npm start`'s output.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // An area's words in one language are named for both (concerns.es-<hash>.js).
      output: {
        chunkFileNames: (chunk) => `assets/[name]${/\?lang=(en|es)$/.exec(chunk.facadeModuleId ?? "")?.[0].replace("?lang=", ".") ?? ""}-[hash].js`,
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
  preview: { proxy: { "/api": "http://localhost:3000" } },
});
