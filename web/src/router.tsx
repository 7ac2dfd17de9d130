import {
  createComponent,
  createComputed,
  createMemo,
  createRoot,
  createSignal,
  onCleanup,
  startTransition,
  untrack,
  type Component,
  type JSX,
  type ParentProps,
} from "solid-js";

/**
 * The app's router: the address bar's path picks a page, links move between pages without a reload,
 * and back and forward work. It does what the app uses and no more (about 1 KB compressed, against
 * @solidjs/router's 4.3 KB in every page's first load): routes with `:param` segments and a catch-all
 * (`*name`), `A` (marks the link to the page shown with aria-current), `useParams`, `useNavigate`,
 * `useLocation` (path, query, history state), `useSearchParams`. As @solidjs/router does, a move to
 * another page is a transition (the page shown stays until the next one's code and first data are in),
 * and a click on any link to a page of this site is handled here; links to the API (a packet, a
 * download) and links that name a target, a download or rel="external" are left to the browser.
 */

export interface RouteDefinition {
  /** `/students/:id`, or `*name` for every path no other route takes (listed last). */
  path: string;
  component: Component & { preload?: () => Promise<unknown> };
}

interface Place {
  /** Path, query and hash, as in the address bar. */
  path: string;
  state: unknown;
}

const here = (): Place => ({ path: location.pathname + location.search + location.hash, state: history.state });
const [place, setPlace] = createSignal<Place>(here());
const url = createRoot(() => createMemo(() => new URL(place().path, location.origin)));

/** Shows `next` once the page it leads to is ready, then starts at its top (or at its #hash). */
function show(next: Place, scroll: boolean) {
  void startTransition(() => setPlace(next)).then(() => {
    if (!scroll) return;
    const target = url().hash && document.getElementById(decodeURIComponent(url().hash.slice(1)));
    if (target) target.scrollIntoView();
    else window.scrollTo(0, 0);
  });
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
  scroll?: boolean;
}

/** Goes to `to` (a path, or `?query` on this page), adding to the history unless `replace`. */
export function navigate(to: string, options: NavigateOptions = {}) {
  const target = new URL(to, location.href);
  const next = { path: target.pathname + target.search + target.hash, state: options.state };
  const current = untrack(place);
  if (next.path === current.path && next.state === current.state) return;
  history[options.replace ? "replaceState" : "pushState"](next.state ?? null, "", next.path);
  show(next, options.scroll ?? true);
}

export const useNavigate = () => navigate;

/** The page's place: `pathname` and `search` as in the address bar, and the `state` it was opened with. */
export function useLocation<S = unknown>() {
  return {
    get pathname() {
      return url().pathname;
    },
    get search() {
      return url().search;
    },
    get hash() {
      return url().hash;
    },
    get state() {
      return place().state as S | undefined;
    },
  };
}

/** The page's query, read by name (`undefined` when absent), and a setter that merges: an empty or undefined value removes its name. */
export function useSearchParams<T extends Record<string, string | undefined> = Record<string, string | undefined>>() {
  const query = new Proxy({} as T, { get: (_, name) => (typeof name === "string" ? (url().searchParams.get(name) ?? undefined) : undefined) });
  const set = (values: Partial<Record<keyof T, string | undefined>>, options: NavigateOptions = {}) => {
    const merged = new URLSearchParams(untrack(url).search);
    for (const [name, value] of Object.entries(values)) value ? merged.set(name, String(value)) : merged.delete(name);
    const search = merged.toString();
    navigate(`${untrack(url).pathname}${search ? `?${search}` : ""}${untrack(url).hash}`, { scroll: false, ...options });
  };
  return [query, set] as const;
}

/** A link to a page of the app; `end` marks it current on its own path only, not on the paths below it. */
export function A(props: ParentProps<{ href: string; class?: string; "aria-label"?: string; state?: unknown; end?: boolean }>) {
  const path = () => props.href.split(/[?#]/, 1)[0]!.toLowerCase();
  const shown = () => url().pathname.toLowerCase();
  return (
    <a
      href={props.href}
      class={props.class}
      aria-label={props["aria-label"]}
      aria-current={path() === shown() ? "page" : undefined}
      data-state={props.state === undefined ? undefined : JSON.stringify(props.state)}
    >
      {props.children}
    </a>
  );
}

/** The link a click lands on, if the app should open it itself. */
function appLink(event: MouseEvent): [HTMLAnchorElement, URL] | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!link?.href || link.target || link.hasAttribute("download") || link.relList.contains("external")) return;
  const target = new URL(link.href);
  if (target.origin !== location.origin || target.pathname.startsWith("/api/")) return;
  // A link within the page shown (#main) is the browser's to follow.
  if (target.hash && target.pathname === location.pathname && target.search === location.search) return;
  return [link, target];
}

function match(pattern: string, pathname: string): Record<string, string> | undefined {
  const got = pathname.split("/").filter(Boolean);
  if (pattern.startsWith("*")) return { [pattern.slice(1)]: got.join("/") };
  const want = pattern.split("/").filter(Boolean);
  if (want.length !== got.length) return;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    if (segment.startsWith(":")) params[segment.slice(1)] = got[i]!;
    else if (segment.toLowerCase() !== got[i]!.toLowerCase()) return;
  }
  return params;
}

const [found, setFound] = createSignal<{ route?: RouteDefinition; params: Record<string, string> }>({ params: {} });

/** The page's path parameters (`:id`), by name. */
export function useParams<T extends Record<string, string>>() {
  return new Proxy({} as T, { get: (_, name) => (typeof name === "string" ? found().params[name] : undefined) });
}

/** Renders `root` (the layout) around the page the path names, and starts loading that page's code at once. */
export function Router(props: { root: Component<ParentProps>; routes: RouteDefinition[] }) {
  createComputed(() => {
    const pathname = url().pathname;
    for (const route of props.routes) {
      const params = match(route.path, pathname);
      if (params) {
        setFound({ route, params });
        return;
      }
    }
    setFound({ params: {} });
  });
  // The page's code (a chunk of its own) downloads while the layout checks the session, not after it.
  void untrack(found).route?.component.preload?.();

  const onClick = (event: MouseEvent) => {
    const hit = appLink(event);
    if (!hit) return;
    event.preventDefault();
    const state = hit[0].dataset.state;
    navigate(hit[1].pathname + hit[1].search + hit[1].hash, { state: state ? JSON.parse(state) : undefined });
  };
  const onPop = () => show(here(), false);
  document.addEventListener("click", onClick);
  window.addEventListener("popstate", onPop);
  onCleanup(() => {
    document.removeEventListener("click", onClick);
    window.removeEventListener("popstate", onPop);
  });

  const page = createMemo(() => found().route?.component);
  return createComponent(props.root, {
    get children(): JSX.Element {
      const Page = page();
      return Page ? untrack(() => createComponent(Page, {})) : null;
    },
  });
}
