/**
 * What the browser may load, as web/vite.config.ts writes into the page's meta tag and the local
 * server sends: only Fidelio's own origin (inline data: for the empty favicon), no third party
 * (FERPA), and no framing (clickjacking), which only a header can forbid.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * CloudFront Function (viewer request): a path with no file extension outside /assets/ and /api/ is
 * an app route and gets the shell. A missing asset stays missing (S3 refuses it), never the shell
 * under a year-long cache header.
 */
export const spaFallback = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf("/assets/") !== 0 && uri.indexOf("/api/") !== 0 && !/\\.[A-Za-z0-9]+$/.test(uri)) request.uri = "/index.html";
  return request;
}`;
