import { lazy } from "solid-js";

/**
 * The prior written notice's view, the family's answer to a decline and the decline form (./notice.tsx, with its words and the notice's
 * parts from core) in a chunk of their own: most concerns have no decline, and only staff may decline,
 * so a parent's concern page usually never loads it. When a page shows one, the layout's Suspense waits
 * for the chunk with the page's data, so the page still appears whole, without a shift.
 */
const notice = () => import("./notice");
export const NoticeView = lazy(() => notice().then((m) => ({ default: m.NoticeView })));
export const DeclineForm = lazy(() => notice().then((m) => ({ default: m.DeclineForm })));
export const DeclinedAnswer = lazy(() => notice().then((m) => ({ default: m.DeclinedAnswer })));
