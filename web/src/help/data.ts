import type { ResourceReturn } from "solid-js";
import { api, call } from "../api";

/** GET /api/help-requests: a case manager's requests to answer and the reader's own. */
export const loadHelp = () => call(api["help-requests"].$get());
export type HelpLists = Awaited<ReturnType<typeof loadHelp>>;
export type HelpRequestShown = HelpLists["toAnswer"][number];
/** One resource for the home page: its help section and what waits on the reader read and change the same lists. */
export type HelpResource = ResourceReturn<HelpLists>;

/** The requests still to answer: what the home page's "waiting on you" counts and lists. */
export const openToAnswer = (lists: HelpLists | undefined) => lists?.toAnswer.filter((r) => r.status === "open") ?? [];
