import { loadAreas } from "./areas";
import { appOf } from "./app-of";

/** The API with every route area loaded: served in-process by the local stack, the tests and the fuzzer. */
export const app = appOf(await loadAreas());

/** What the web's typed client (`hc<Api>`) knows of the API: the same routes however the areas load. */
export type Api = typeof app;
