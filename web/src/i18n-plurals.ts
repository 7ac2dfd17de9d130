import type { PluralForms } from "@fidelio/core/words/plural";

/**
 * Counted phrases, English then Spanish, one and other (i18n.ts `tn` picks with Intl.PluralRules).
 * `{count}` is the number; other `{name}`s are filled in by the caller.
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
