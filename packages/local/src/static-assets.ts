import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { createMiddleware } from "hono/factory";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const compressible = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;

// Vite names every file under /assets/ by its content hash, so a URL there never changes content.
const isHashedAsset = (path: string) => path.startsWith("/assets/");

/** Compressed hashed assets, kept once made: the set of files is fixed for the server's life. */
const cache = new Map<string, Uint8Array>();

/**
 * What CloudFront does in front of the static site on AWS: brotli or gzip for text, and a year of
 * caching (`immutable`) for hashed assets; everything else (index.html) is revalidated each time.
 * Uses node:zlib, because hono/compress has no brotli (it relies on CompressionStream).
 */
export const staticDelivery = createMiddleware(async (c, next) => {
  await next();
  if (c.res.status !== 200) return;
  const path = c.req.path;
  c.header("Cache-Control", isHashedAsset(path) ? "public, max-age=31536000, immutable" : "no-cache");
  const type = c.res.headers.get("content-type") ?? "";
  if (c.req.method !== "GET" || !compressible.test(type) || c.res.headers.has("content-encoding")) return;
  c.header("Vary", "Accept-Encoding");
  const accepted = c.req.header("accept-encoding") ?? "";
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : undefined;
  if (!encoding) return;
  const key = `${encoding}:${path}`;
  let body = isHashedAsset(path) ? cache.get(key) : undefined;
  if (!body) {
    const plain = new Uint8Array(await c.res.arrayBuffer());
    if (plain.byteLength < 1024) return void (c.res = new Response(plain, c.res));
    body = new Uint8Array(
      encoding === "br"
        ? await brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength } })
        : await gzipAsync(plain, { level: 9 }),
    );
    if (isHashedAsset(path)) cache.set(key, body);
  }
  // Hono copies the old response's headers onto the new one (its plain Content-Length too): set ours after.
  c.res = new Response(body, c.res);
  c.res.headers.set("Content-Encoding", encoding);
  c.res.headers.set("Content-Length", String(body.byteLength));
});
