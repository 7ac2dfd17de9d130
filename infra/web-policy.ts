/**
 * What the browser may load: only Fidelio's own origin (inline data: for the empty favicon), no third
 * party (FERPA), and no framing (clickjacking). The one list for CloudFront's headers policy, the
 * local server's header and the page's meta tag (web/vite.config.ts). Keys as hono's secureHeaders
 * takes them.
 */
export const cspDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const policyOf = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${sources.join(" ")}`)
    .join("; ");

/** The header's value. */
export const contentSecurityPolicy = policyOf(cspDirectives);

/** The meta tag's value: the same without frame-ancestors, which browsers ignore there (only a header can forbid framing). */
export const metaContentSecurityPolicy = policyOf(Object.fromEntries(Object.entries(cspDirectives).filter(([name]) => name !== "frameAncestors")));

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
