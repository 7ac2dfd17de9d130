import type { PluralForms } from "@fidelio/core/words/plural";

/**
 * Counted phrases, English then Spanish, one and other (i18n.ts `tn` picks the form: core/words/plural.ts).
 * `{count}` is the number; other `{name}`s are filled in by the caller. Each is registered by the area of
 * words that shows it (the tables at the end), so a page loads its own phrases in its reader's language.
 */
export const pluralStrings = {
  hours: { one: ["{count} hour", "{count} hora"], other: ["{count} hours", "{count} horas"] },
  days: { one: ["{count} day", "{count} día"], other: ["{count} days", "{count} días"] },
  resolvedCount: { one: ["{count} concern closed.", "{count} inquietud cerrada."], other: ["{count} concerns closed.", "{count} inquietudes cerradas."] },
  boardShown: {
    one: ["Showing {count} open concern.", "Se muestra {count} inquietud abierta."],
    other: ["Showing {count} open concerns.", "Se muestran {count} inquietudes abiertas."],
  },
  formsOpenCount: {
    one: ["{count} form still open this week.", "{count} formulario sigue abierto esta semana."],
    other: ["{count} forms still open this week.", "{count} formularios siguen abiertos esta semana."],
  },
  formsOpenEarlier: {
    one: ["{count} form from an earlier week is still open.", "{count} formulario de una semana anterior sigue abierto."],
    other: ["{count} forms from earlier weeks are still open.", "{count} formularios de semanas anteriores siguen abiertos."],
  },
  classCount: { one: ["{title}: {count} student", "{title}: {count} estudiante"], other: ["{title}: {count} students", "{title}: {count} estudiantes"] },
  studentTableCaption: {
    one: ["{count} student, by last name", "{count} estudiante, por apellido"],
    other: ["{count} students, by last name", "{count} estudiantes, por apellido"],
  },
  studentTableCaptionMore: {
    one: ["The first {count} student, by last name", "El primer estudiante, por apellido"],
    other: ["The first {count} students, by last name", "Los primeros {count} estudiantes, por apellido"],
  },
  studentTableFiltered: {
    one: ["{count} matching student", "{count} estudiante coincide"],
    other: ["{count} matching students", "{count} estudiantes coinciden"],
  },
  studentTableFilteredMore: {
    one: ["The first {count} matching student", "El primer estudiante que coincide"],
    other: ["The first {count} matching students", "Los primeros {count} estudiantes que coinciden"],
  },
  auditShown: {
    one: ["Showing the latest {count} entry.", "Se muestra la entrada más reciente."],
    other: ["Showing the latest {count} entries.", "Se muestran las {count} entradas más recientes."],
  },
  auditShownFiltered: {
    one: ["Showing {count} matching entry.", "Se muestra {count} entrada que coincide."],
    other: ["Showing {count} matching entries, newest first.", "Se muestran {count} entradas que coinciden, empezando por la más reciente."],
  },
  // What is waiting on the reader (home page).
  waitingCount: {
    one: ["{count} thing is waiting on you.", "{count} asunto espera su respuesta."],
    other: ["{count} things are waiting on you.", "{count} asuntos esperan su respuesta."],
  },
  concernsFound: {
    one: ["{count} concern found.", "Se encontró {count} inquietud."],
    other: ["{count} concerns found.", "Se encontraron {count} inquietudes."],
  },
} satisfies Record<string, PluralForms>;

type Phrase = keyof typeof pluralStrings;
type Pair = readonly [string, string];

/** Some counted phrases as pairs an area registers, keyed `<phrase>.one` and `<phrase>.other` (what `tn` reads). */
const phrases = <K extends Phrase>(...keys: K[]) => {
  const pairs: Record<string, Pair> = {};
  for (const key of keys) {
    pairs[`${key}.one`] = pluralStrings[key].one;
    pairs[`${key}.other`] = pluralStrings[key].other;
  }
  return pairs as Record<`${K}.one` | `${K}.other`, Pair>;
};

/** Durations ("5 hours", "1.5 days"): the `pages` area. */
export const durationPhrases = phrases("hours", "days");
/** What waits on the reader: the `concern-links` area. */
export const waitingPhrases = phrases("waitingCount");
/** The concern lists and the director's board: the `concern-board` area. */
export const boardPhrases = phrases("resolvedCount", "boardShown", "concernsFound");
/** Staff lists of students and classes: the `staff` area. */
export const staffPhrases = phrases("classCount", "studentTableCaption", "studentTableCaptionMore", "studentTableFiltered", "studentTableFilteredMore");
/** The weekly forms still open: the `fidelity` area. */
export const formPhrases = phrases("formsOpenCount", "formsOpenEarlier");
/** The access log's entries shown: the `access-log` area. */
export const auditPhrases = phrases("auditShown", "auditShownFiltered");
