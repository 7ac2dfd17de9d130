import type { Language } from "../user/schema";
import type { Pair } from "./pair";

export type Params = Record<string, string | number>;

const fill = (text: string, params: Params) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));

/**
 * Words messages from `table`, one or more catalog sections: the message `code` in `lang`, its `{name}`
 * parameters filled in. The catalog's `say` reads every section; a module the web bundles reads only the
 * sections it words (concern/describe.ts: levels and timeline events), so no email or packet text ships with it.
 */
export const sayFrom =
  <Code extends string>(table: Record<Code, Pair>) =>
  (lang: Language, code: Code, params: Params = {}): string =>
    fill(table[code][lang === "es" ? 1 : 0], params);
