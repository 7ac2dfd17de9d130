import { createEffect, createRoot, createSignal } from "solid-js";
import type { staffStrings } from "./i18n-staff";
import type { codeStrings, providerStrings } from "./i18n-codes";
import type { concernStrings } from "./i18n-concerns";
import type { fidelityStrings } from "./i18n-fidelity";
import type { supportStrings } from "./i18n-support";
import type { accessLogStrings, notFoundStrings, pageStrings, signInStrings } from "./i18n-pages";
import type { catalog, CodedText, MessageCode } from "@fidelio/core/messages";
import type { pluralStrings } from "./i18n-plurals";
import { countText, pluralForm } from "@fidelio/core/words/plural";

export type Lang = "en" | "es";

/**
 * The words every page shares (the header, its navigation, loading and failure), English then Spanish:
 * the entry holds them. A page's own words are in an area of web/src/strings. `{name}` marks a value filled in by `t`.
 */
const parentStrings = {
  skipToContent: ["Skip to main content", "Saltar al contenido principal"],
  mainNav: ["Main", "Principal"],
  navHome: ["Home", "Inicio"],
  navStudents: ["Students", "Estudiantes"],
  signOut: ["Sign out", "Cerrar sesión"],
  signedInAs: ["Signed in as {name}", "Sesión iniciada como {name}"],
  switchLanguage: ["Español", "English"],
  loading: ["Loading…", "Cargando…"],
  errNetwork: ["We could not reach Fidelio. Check your connection and try again.", "No pudimos conectar con Fidelio. Revise su conexión e inténtelo de nuevo."],
  errGeneric: ["Something went wrong. Please try again.", "Algo salió mal. Inténtelo de nuevo."],
  tryAgain: ["Try again", "Intentar de nuevo"],
  // What failed to load and why (components/loaded.tsx), on any page.
  retry: ["Retry", "Reintentar"],
  errLoad: ["We could not load {what}.", "No pudimos cargar {what}."],
  errNetworkWhy: [
    "Fidelio did not answer. Check your internet connection, then retry.",
    "Fidelio no respondió. Revise su conexión a internet y vuelva a intentarlo.",
  ],
  errServerWhy: [
    "Fidelio had a problem answering. Nothing was changed; retrying usually works.",
    "Fidelio tuvo un problema al responder. No se cambió nada; volver a intentarlo suele funcionar.",
  ],
  navSettings: ["Settings", "Configuración"],
  navRoster: ["Roster", "Listas"],
  navConcerns: ["Concerns", "Inquietudes"],
  navEscalations: ["Escalations", "Escalamientos"],
  navWeek: ["Weekly forms", "Formularios semanales"],
  navCaseload: ["Caseload fidelity", "Cumplimiento de casos"],
  navReport: ["Fidelity report", "Informe de cumplimiento"],
} satisfies Record<string, readonly [string, string]>;

// Every table shares one dictionary, where a key defined twice would silently give one screen
// another's words: this fails to compile, naming the keys, when two tables share one.
type Keys<T> = keyof T;
/** The entry's words with those of the pages' areas it was split from (i18n-pages.ts). */
type ParentKeys =
  | Keys<typeof parentStrings>
  | Keys<typeof pageStrings>
  | Keys<typeof notFoundStrings>
  | Keys<typeof signInStrings>
  | Keys<typeof accessLogStrings>;
type Shared =
  | (Keys<typeof parentStrings> & (Keys<typeof pageStrings> | Keys<typeof notFoundStrings> | Keys<typeof signInStrings> | Keys<typeof accessLogStrings>))
  | (Keys<typeof pageStrings> & (Keys<typeof notFoundStrings> | Keys<typeof signInStrings> | Keys<typeof accessLogStrings>))
  | (Keys<typeof notFoundStrings> & (Keys<typeof signInStrings> | Keys<typeof accessLogStrings>))
  | (Keys<typeof signInStrings> & Keys<typeof accessLogStrings>)
  | (ParentKeys & (Keys<typeof staffStrings> | Keys<typeof concernStrings> | Keys<typeof fidelityStrings>))
  | (Keys<typeof staffStrings> & (Keys<typeof concernStrings> | Keys<typeof fidelityStrings>))
  | (Keys<typeof concernStrings> & Keys<typeof fidelityStrings>)
  | (Keys<typeof supportStrings> & (ParentKeys | Keys<typeof staffStrings> | Keys<typeof concernStrings> | Keys<typeof fidelityStrings> | Keys<typeof catalog>))
  | (Keys<typeof catalog> &
      (
        | ParentKeys
        | Keys<typeof staffStrings>
        | Keys<typeof concernStrings>
        | Keys<typeof fidelityStrings>
        | Keys<typeof codeStrings>
        | Keys<typeof providerStrings>
      ))
  | (Keys<typeof codeStrings> & Keys<typeof providerStrings>);
const eachKeyOnce: [Shared] extends [never] ? true : Shared = true;
void eachKeyOnce;
export type StringKey =
  | ParentKeys
  | keyof typeof staffStrings
  | keyof typeof fidelityStrings
  | keyof typeof concernStrings
  | keyof typeof supportStrings
  | MessageCode;

type Pair = readonly [string, string];
/**
 * The words this page can show, in each language. The entry holds the strings every page shares
 * (parentStrings); each area's tables are added by its module in web/src/strings, imported by the modules
 * that show them, so a page downloads only the tables it uses (a parent never loads staff, roster or email
 * words). test/unit/page-strings.test.ts checks that every key a page passes to `t` is registered in its chunks.
 *
 * The build (web/strings-by-language.ts) splits each area by language: its module becomes a loader
 * (`registerArea`) that fetches the reader's language only, and a switch fetches the other language of
 * every area loaded so far before the page changes language. Without the build step (the source as it
 * is), an area module registers both languages at once (`register`).
 */
const strings: Record<Lang, Map<string, string>> = { en: new Map(), es: new Map() };

/** Adds tables of pairs (English, Spanish) to the dictionary: the entry's, and each area module's when not split by language. */
export function register(...tables: Array<Record<string, Pair>>) {
  for (const table of tables)
    for (const [key, [en, es]] of Object.entries(table)) {
      strings.en.set(key, en);
      strings.es.set(key, es);
    }
}
register(parentStrings);

/** Loads an area's words in one language (a chunk of its own), as `{ key: text }`. */
type AreaLoader = (lang: Lang) => Promise<{ default: Record<string, string> }>;
const areas = new Map<AreaLoader, Partial<Record<Lang, Promise<void>>>>();

function loadArea(loader: AreaLoader, language: Lang): Promise<void> {
  const loads = areas.get(loader) ?? {};
  areas.set(loader, loads);
  loads[language] ??= loader(language).then(
    ({ default: words }) => {
      for (const [key, text] of Object.entries(words)) strings[language].set(key, text);
    },
    (error: unknown) => {
      // A failed download (a network drop) is tried again by the next page or switch that needs it.
      delete loads[language];
      throw error;
    },
  );
  return loads[language];
}

/** Loads every area registered so far in `language`, including any registered while this waits. */
async function loadAreas(language: Lang) {
  while ([...areas.values()].some((loads) => !loads[language])) await Promise.all([...areas.keys()].map((loader) => loadArea(loader, language)));
  await Promise.all([...areas.values()].map((loads) => loads[language]));
}

const STORAGE_KEY = "fidelio.lang";
const stored = (() => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
})();
const initial: Lang = stored === "es" || stored === "en" ? stored : navigator.language.toLowerCase().startsWith("es") ? "es" : "en";
const [lang, setLangSignal] = createSignal<Lang>(initial);
/** The language being switched to (the shown one once its words are in). */
let wanted: Lang = initial;
/** Resolves when the language shown is `wanted`, with every loaded area's words in it. */
let switched: Promise<void> = Promise.resolve();

// A reader's first visit on this device (no language kept here yet) waits for the session, which knows
// the language the person chose, before an area's words load: otherwise a Spanish reader on an English
// phone would download both languages of each area. A kept language is used at once.
let languageKnown!: () => void;
const known = new Promise<void>((resolve) => {
  languageKnown = resolve;
});
if (stored === "es" || stored === "en") languageKnown();

/** Called by the session once it knows who is reading (or that no one is signed in), after applying their language. */
export { languageKnown };

/** An area's words, in the reader's language: each area module (built split by language) awaits this as it loads. */
export async function registerArea(loader: AreaLoader) {
  areas.set(loader, areas.get(loader) ?? {});
  await known;
  await loadArea(loader, wanted);
  await switched;
}

createRoot(() =>
  createEffect(() => {
    document.documentElement.lang = lang();
  }),
);

export { lang };

/** Switches the language once every loaded area's words are in it (at once when they already are). */
export function setLang(next: Lang) {
  wanted = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage; the choice still holds for this visit.
  }
  switched = loadAreas(next).then(
    () => {
      if (wanted === next) setLangSignal(next);
    },
    () => {
      // The other language's words did not arrive (offline): the page stays in the language it shows.
      if (wanted === next) wanted = lang();
    },
  );
  return switched;
}

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
/** A key's text in the language shown (reading `lang()`, so what shows it follows a switch). */
const inLang = (key: string) => strings[lang()].get(key);

// A language picked but not yet stored for the person: picked while signed out (kept across tabs and
// reloads, as the emailed link opens a new one) until sign-in stores it, or picked while signed in
// until the save answers (a page left before then stores it on the next load instead of losing it).
const PICKED_KEY = "fidelio.lang.picked";

export function rememberPicked(next: Lang) {
  try {
    localStorage.setItem(PICKED_KEY, next);
  } catch {
    // Without storage the pick holds for this page only.
  }
}

/** Forgets the pick once the person's stored language is `saved`, unless a newer pick replaced it. */
export function forgetPicked(saved: Lang) {
  try {
    if (localStorage.getItem(PICKED_KEY) === saved) localStorage.removeItem(PICKED_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The language picked and not yet stored, if any; it stays until `forgetPicked` is told it was stored. */
export function pickedLanguage(): Lang | undefined {
  try {
    const picked = localStorage.getItem(PICKED_KEY);
    return picked === "en" || picked === "es" ? picked : undefined;
  } catch {
    return undefined;
  }
}

export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  return fill(inLang(key) ?? key, vars);
}

export type PluralKey = keyof typeof pluralStrings;

/**
 * A counted phrase in the reader's language ("1 student", "2 students"): the language's plural rule
 * (core/words/plural.ts) picks `<key>.one` or `<key>.other`, registered by the area that shows it.
 */
export function tn(key: PluralKey, count: number, vars: Record<string, string | number> = {}): string {
  const language = lang();
  const text = inLang(`${key}.${pluralForm(language, count)}`);
  return text === undefined ? key : fill(text, { ...vars, count: countText(language, count) });
}

/** A field problem (the API's or the web's own check, same codes) in the reader's language, by its code and params. */
export function tProblem(problem: { code: string; params?: Record<string, string | number>; message: string }): string {
  const text = inLang(`problem.${problem.code}`);
  // A code this build does not know yet (a newer API) still says something: the English message.
  return text !== undefined ? fill(text, problem.params ?? {}) : problem.message;
}

/** What an API error code means to the reader, in their language; undefined for a code not listed. */
export function tError(code: string): string | undefined {
  return inLang(`error.${code}`);
}

/** For codes from the API (roles, audit actions, reasons, providers): the translation when known, else the code itself. */
export function tCode(prefix: "role" | "action" | "reason" | "provider" | "system", code: string): string {
  return inLang(`${prefix}.${code}`) ?? code.replaceAll("_", " ");
}

/** A roster problem in the reader's language, from its code and parameters; the API's English message when the code is unknown. */
export function tRosterProblem(problem: { message: string; code?: string; params?: Record<string, string | number> }): string {
  // Codes come from the API: looked up in a Map, so no code reaches an object's prototype.
  const text = problem.code ? inLang(`rosterProblem.${problem.code}`) : undefined;
  if (text === undefined) return problem.message;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(problem.params?.[name] ?? "");
    return (name === "detail" ? inLang(`rosterDetail.${value}`) : undefined) ?? value;
  });
}

/** A text the API sends as a catalog code with parameters (a timeline note), in the reader's language; a legacy sentence as stored. */
export function tCoded(text: CodedText): string {
  return "said" in text ? text.said : t(text.code, text.params ?? {});
}
