import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";

// FERPA: nothing but our own origin may run code, load styles or receive data.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const contentSecurityPolicy = (): Plugin => ({
  name: "fidelio-csp",
  apply: "build",
  transformIndexHtml: () => [{ tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: csp }, injectTo: "head-prepend" }],
});

// Root is web/ whether Vite runs from here or as `vite build web` from the repo root.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [solid(), contentSecurityPolicy()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  server: { proxy: { "/api": "http://localhost:3000" } },
  preview: { proxy: { "/api": "http://localhost:3000" } },
});
