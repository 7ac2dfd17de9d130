/**
 * Where sign-in returns to: only a path on this site (one leading slash), so a crafted link
 * (`?next=//evil.example`, `?next=https://…`, `/\evil`) cannot send the reader elsewhere.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  try {
    const url = new URL(next, location.origin);
    if (url.origin !== location.origin || url.pathname.startsWith("/sign-in")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

export const signInPath = (from: { pathname: string; search: string; hash: string }) => {
  const here = `${from.pathname}${from.search}${from.hash}`;
  return here === "/" || from.pathname.startsWith("/sign-in") ? "/sign-in" : `/sign-in?next=${encodeURIComponent(here)}`;
};
