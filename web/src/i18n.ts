import { createEffect, createRoot, createSignal } from "solid-js";
import type { staffStrings } from "./i18n-staff";
import type { codeStrings } from "./i18n-codes";
import type { concernStrings } from "./i18n-concerns";
import type { fidelityStrings } from "./i18n-fidelity";
import type { supportStrings } from "./i18n-support";
import type { catalog, CodedText, MessageCode } from "@fidelio/core/messages";
import { pluralStrings } from "./i18n-plurals";
import { pluralText } from "@fidelio/core/words/plural";

export type Lang = "en" | "es";

/** Parent-facing strings, English then Spanish. `{name}` marks a value filled in by `t`. */
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
  whatRecord: ["this student's record", "el expediente de este estudiante"],
  whatStudents: ["the list of students", "la lista de estudiantes"],
  whatChildren: ["your children's records", "los expedientes de sus hijos"],
  whatClasses: ["your classes", "sus clases"],
  whatSchools: ["the district's schools", "las escuelas del distrito"],
  whatAudit: ["the access log", "el registro de accesos"],
  whatSettings: ["the district settings", "la configuración del distrito"],
  navSettings: ["Settings", "Configuración"],
  navRoster: ["Roster", "Listas"],
  navConcerns: ["Concerns", "Inquietudes"],
  navEscalations: ["Escalations", "Escalamientos"],
  navWeek: ["Weekly forms", "Formularios semanales"],
  navCaseload: ["Caseload fidelity", "Cumplimiento de casos"],
  navReport: ["Fidelity report", "Informe de cumplimiento"],
  showMore: ["Show more", "Mostrar más"],
  underAnHour: ["under an hour", "menos de una hora"],
  fixFields: ["Some fields need fixing. Each one says what is wrong.", "Hay campos que corregir. Cada uno indica el problema."],

  signInTitle: ["Sign in to Fidelio", "Iniciar sesión en Fidelio"],
  signInIntro: [
    "We will email you a 6-digit code. You do not need a password.",
    "Le enviaremos un código de 6 dígitos por correo electrónico. No necesita contraseña.",
  ],
  emailLabel: ["Email address", "Correo electrónico"],
  sendCode: ["Email me a code", "Enviarme un código"],
  sending: ["Sending…", "Enviando…"],
  codeSent: [
    "If {email} has a Fidelio account, we just sent it a code. The code works for 10 minutes.",
    "Si {email} tiene una cuenta de Fidelio, le acabamos de enviar un código. El código sirve durante 10 minutos.",
  ],
  codeLabel: ["6-digit code", "Código de 6 dígitos"],
  codeHint: ["Look for an email from Fidelio. Check your spam folder too.", "Busque un correo de Fidelio. Revise también la carpeta de correo no deseado."],
  verify: ["Sign in", "Iniciar sesión"],
  checking: ["Checking…", "Verificando…"],
  resendCode: ["Send a new code", "Enviar un código nuevo"],
  otherEmail: ["Use a different email", "Usar otro correo"],
  errEmail: ["Enter a valid email address, like name@example.com.", "Escriba un correo electrónico válido, por ejemplo nombre@ejemplo.com."],
  errCodeFormat: ["Enter the 6 digits from the email.", "Escriba los 6 dígitos del correo."],
  errCodeInvalid: [
    "That code is not right or has expired. Check the latest email, or send a new code.",
    "Ese código no es correcto o ya venció. Revise el correo más reciente o pida un código nuevo.",
  ],
  errRateLimited: [
    "Too many tries in a short time. Wait a minute, then try again.",
    "Demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.",
  ],
  errCodeLocked: ["Too many wrong tries. Send a new code to try again.", "Demasiados intentos fallidos. Pida un código nuevo para intentarlo otra vez."],

  welcome: ["Hello, {name}", "Hola, {name}"],
  yourChild: ["Your child", "Su hijo o hija"],
  yourChildren: ["Your children", "Sus hijos"],
  parentIntro: [
    "See the supports in your child's IEP, who is on their team, and who has looked at their records.",
    "Vea los apoyos del IEP de su hijo o hija, quién forma parte de su equipo y quién ha consultado su expediente.",
  ],
  noChildren: [
    "No child is linked to your account yet. Ask your child's school to connect you.",
    "Todavía no hay ningún estudiante vinculado a su cuenta. Pida a la escuela que lo vincule.",
  ],
  grade: ["Grade {grade}", "Grado {grade}"],
  kindergarten: ["Kindergarten", "Kínder"],
  preKindergarten: ["Pre-kindergarten", "Prekínder"],
  openIep: ["IEP and team", "IEP y equipo"],
  whoViewedLink: ["Who viewed these records", "Quién consultó este expediente"],
  fidelityLink: ["Supports delivered, week by week", "Apoyos brindados, semana a semana"],
  editIep: ["New IEP version", "Nueva versión del IEP"],
  "relationship.guardian": ["Your child", "Su hijo o hija"],
  "relationship.teacher": ["You teach this student", "Usted le da clase"],
  "relationship.case_manager": ["On your caseload", "En su carga de casos"],
  "relationship.district": ["In your district", "En su distrito"],

  iepTitle: ["IEP snapshot", "Resumen del IEP"],
  iepVersion: ["Version {version}, in effect since {date}.", "Versión {version}, vigente desde el {date}."],
  noIep: ["No IEP is on file yet.", "Todavía no hay ningún IEP registrado."],
  accommodations: ["Accommodations", "Acomodaciones"],
  modifications: ["Modifications", "Modificaciones"],
  services: ["Services", "Servicios"],
  goals: ["Goals", "Metas"],
  noneListed: ["None listed.", "No hay nada registrado."],
  minutesPerWeek: ["{minutes} minutes a week", "{minutes} minutos por semana"],
  providedBy: ["Provided by: {provider}", "Lo brinda: {provider}"],
  yourClasses: ["Your classes with this student: {classes}.", "Sus clases con este estudiante: {classes}."],
  notInYourClasses: ["Not in your classes", "No se aplica en sus clases"],
  team: ["Team", "Equipo"],
  noTeam: ["No one is listed on the team yet.", "Todavía no hay nadie en el equipo."],
  emailUndeliverable: ["email undeliverable", "correo no entregable"],
  emailRefused: ["refuses our email (marked as spam)", "rechaza nuestro correo (marcado como spam)"],
  notFoundTitle: ["Not found", "No se encontró"],
  notFoundBody: ["This page or record does not exist, or it is not one you can see.", "Esta página o expediente no existe, o usted no tiene acceso a él."],
  goHome: ["Go to the home page", "Ir a la página de inicio"],
  notFoundNext: [
    "If you followed a link, it may be out of date. The person who sent it can check it.",
    "Si llegó aquí por un enlace, puede que esté desactualizado. La persona que se lo envió puede revisarlo.",
  ],
  forbiddenTitle: ["This page is not available to you", "Esta página no está disponible para usted"],
  forbiddenBody: [
    "Your Fidelio account does not include this page. For example, district settings are only for district administrators.",
    "Su cuenta de Fidelio no incluye esta página. Por ejemplo, la configuración del distrito es solo para los administradores del distrito.",
  ],
  forbiddenNext: [
    "If you think you need it, ask your district's Fidelio administrator.",
    "Si cree que la necesita, pídasela al administrador de Fidelio de su distrito.",
  ],

  auditTitle: ["Who viewed {name}'s records", "Quién consultó el expediente de {name}"],
  auditTitlePlain: ["Who viewed these records", "Quién consultó este expediente"],
  auditIntro: [
    "Every time someone opens or changes these records, Fidelio writes it down here, newest first.",
    "Cada vez que alguien abre o modifica este expediente, Fidelio lo anota aquí, empezando por lo más reciente.",
  ],
  auditCaption: ["Access to these records", "Accesos a este expediente"],
  colWhen: ["When", "Cuándo"],
  colWho: ["Who", "Quién"],
  colWhat: ["What they did", "Qué hizo"],
  colWhy: ["Why they may see it", "Por qué tiene acceso"],
  you: ["you", "usted"],
  noAudit: ["No one has viewed these records yet.", "Nadie ha consultado este expediente todavía."],
  auditFilters: ["Filter the log", "Filtrar el registro"],
  auditKind: ["What they did", "Qué hizo"],
  auditKindAll: ["Everything", "Todo"],
  auditKindOpened: ["Opened or changed the record", "Abrió o modificó el expediente"],
  auditKindListed: ["Saw the name in a list", "Vio el nombre en una lista"],
  auditPerson: ["Who", "Quién"],
  auditPersonAll: ["Everyone", "Todos"],
  auditHideMine: ["Hide my own views", "Ocultar mis propias consultas"],
  auditNoMatch: ["No entries match these filters.", "Ninguna entrada coincide con estos filtros."],
  auditNoneYet: [
    "No matching entries among the most recent ones. Show older entries to keep looking.",
    "Ninguna coincidencia entre las entradas más recientes. Muestre las anteriores para seguir buscando.",
  ],
  showOlder: ["Show older entries", "Mostrar entradas anteriores"],
  backToStudent: ["Back to {name}", "Volver a {name}"],
  backToRecord: ["Back to the student record", "Volver al expediente del estudiante"],
} satisfies Record<string, readonly [string, string]>;

// Every table shares one dictionary, where a key defined twice would silently give one screen
// another's words: this fails to compile, naming the keys, when two tables share one.
type Keys<T> = keyof T;
type Shared =
  | (Keys<typeof parentStrings> & (Keys<typeof staffStrings> | Keys<typeof concernStrings> | Keys<typeof fidelityStrings>))
  | (Keys<typeof staffStrings> & (Keys<typeof concernStrings> | Keys<typeof fidelityStrings>))
  | (Keys<typeof concernStrings> & Keys<typeof fidelityStrings>)
  | (Keys<typeof supportStrings> &
      (Keys<typeof parentStrings> | Keys<typeof staffStrings> | Keys<typeof concernStrings> | Keys<typeof fidelityStrings> | Keys<typeof catalog>))
  | (Keys<typeof catalog> &
      (Keys<typeof parentStrings> | Keys<typeof staffStrings> | Keys<typeof concernStrings> | Keys<typeof fidelityStrings> | Keys<typeof codeStrings>));
const eachKeyOnce: [Shared] extends [never] ? true : Shared = true;
void eachKeyOnce;
export type StringKey =
  | keyof typeof parentStrings
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

/** A counted phrase in the reader's language ("1 student", "2 students"): Intl.PluralRules picks the form. */
export function tn(key: PluralKey, count: number, vars: Record<string, string | number> = {}): string {
  return pluralText(lang(), pluralStrings[key], count, vars);
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
