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
        // Fewer, larger files for a parent's first load: a file under 1 KB travels uncompressed (CloudFront
        // and the local server compress from 1 KB), and brotli does better on one file than on several.
        codeSplitting: {
          groups: [
            // What every page runs, beside the entry: Solid, the router, the API client, the session, the words' registry.
            {
              name: "app",
              test: /node_modules\/(solid-js\/(dist|web)|hono)\/|web\/src\/(i18n|i18n-plurals|session|api|router|components\/status)\.tsx?$|vite\/preload-helper|core\/src\/words\/plural/,
              priority: 2,
            },
            // What most pages show: a resource's loading and failure, not found, titles, dates, an email that does not arrive,
            // the district's today and a legal clock's line (a student's and a concern's page).
            // No area of words (web/src/strings) here: one in "app" would wait for the session before the entry
            // could run, and one here would load on every page that shows a date (the `pages` area comes
            // with format-words.ts, for grades and durations).
            {
              name: "page-common",
              test: /web\/src\/(components\/(loaded|page-title|email-flag)|pages\/not-found|format|concerns\/clock-line)\.tsx?$|core\/src\/(words\/time|calendar\/zoned)/,
              includeDependenciesRecursively: false,
              priority: 1,
            },
            // Tables: the fidelity and list pages (not the home, a student's or a concern's page).
            {
              name: "tables-days",
              test: /web\/src\/components\/data-table\.tsx$/,
              includeDependenciesRecursively: false,
            },
            // The home page with its lists, the reader's students and help requests, in one file (the staff's
            // student pages load it for the lists).
            {
              name: "home",
              test: /web\/src\/(pages\/home(-parent)?|concerns\/waiting|components\/student-(cards|list)|help\/data)\.tsx?$/,
              includeDependenciesRecursively: false,
            },
            // The fields of a form (filing or answering a concern, a make-up plan, a records clock) with a concern's
            // data (the concern form and a concern's page): not on the home page. Together they pass 1 KB and so
            // travel compressed; the concern lists' words are not here, as a concern's page has its own.
            {
              name: "fields",
              test: /web\/src\/(components\/(field|text-area-field)|concerns\/data)\.tsx?$/,
              includeDependenciesRecursively: false,
            },
            // A concern's history in words: the lifecycle and the rule that describes its events (worded from the loaded areas).
            {
              name: "concern-describe",
              test: /core\/src\/concern\/(lifecycle|describe-words)\.ts$/,
              includeDependenciesRecursively: false,
            },
            // A student's fidelity, as the parent's page and the staff's pages read it.
            {
              name: "fidelity-common",
              test: /web\/src\/fidelity\/(data|summary|miss-tally)\.ts$|core\/src\/fidelity\/(week|answers)\.ts$/,
              includeDependenciesRecursively: false,
            },
          ],
        },
        chunkFileNames: (chunk) => `assets/[name]${/\?lang=(en|es)$/.exec(chunk.facadeModuleId ?? "")?.[0].replace("?lang=", ".") ?? ""}-[hash].js`,
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
  preview: { proxy: { "/api": "http://localhost:3000" } },
});
