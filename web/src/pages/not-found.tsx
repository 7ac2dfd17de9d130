import { lazy } from "solid-js";

// Loaded when shown, with their words (the `not-found` area): most visits never see them. Each page shows
// them inside the layout's <Suspense>, which waits for them as for the page itself, so nothing shifts.
const content = () => import("./not-found-content");

/** A page or record that does not exist or is not the reader's (a 404). */
export const NotFoundContent = lazy(() => content().then((m) => ({ default: m.NotFoundContent })));

/** A page the reader's role does not open: said plainly, with who can help. */
export const AccessDeniedContent = lazy(() => content().then((m) => ({ default: m.AccessDeniedContent })));

export const NotFound = NotFoundContent;
