import type { PatternKind } from "../patterns/schema";
import type { Pair } from "./pair";

/** What a pattern says, by kind: the director's home and the weekly digest word them from here. */
export const patternKindTexts = {
  "pattern.support_missed_across_class": [
    "{item}: not provided for {count} students in {class} in the week of {since}.",
    "{item}: no se proporcionó a {count} estudiantes en {class} en la semana del {since}.",
  ],
  "pattern.support_missed_across_school": [
    "{item}: not provided in {count} classes of {school} since the week of {since}.",
    "{item}: no se proporcionó en {count} clases de {school} desde la semana del {since}.",
  ],
  "pattern.forms_stopped": [
    "{teacher} has submitted no weekly forms for {count} weeks, since the week of {since}, while students are owed them.",
    "{teacher} no ha enviado formularios semanales en {count} semanas, desde la semana del {since}, y los estudiantes los necesitan.",
  ],
  "pattern.service_underdelivered": [
    "{teacher} delivered {percent}% of the service minutes their caseload required over 4 weeks ({count} minutes owed).",
    "{teacher} dio el {percent} % de los minutos de servicio que requería su grupo de estudiantes en 4 semanas (se deben {count} minutos).",
  ],
  "pattern.repeat_concerns": ["{count} concerns about {subject} since {since}.", "{count} inquietudes sobre {subject} desde el {since}."],
  "pattern.help_requests_open": [
    "{count} teacher help requests at {school} are past due, the oldest since {since}.",
    "{count} solicitudes de ayuda de maestros en {school} están vencidas, la más antigua desde el {since}.",
  ],
} as const satisfies Record<`pattern.${PatternKind}`, Pair>;

/** The director's home: the patterns section. */
export const patternPageTexts = {
  "patterns.title": ["Patterns to look at", "Patrones que revisar"],
  "patterns.blurb": [
    "Where supports are missed across students, forms have stopped, services fall short or concerns repeat, over the last four weeks.",
    "Dónde se dejan de dar apoyos a varios estudiantes, se dejaron de enviar formularios, faltan servicios o se repiten inquietudes, en las últimas cuatro semanas.",
  ],
  "patterns.none": ["No patterns in the last four weeks.", "No hay patrones en las últimas cuatro semanas."],
  "patterns.evidence": ["Evidence ({count})", "Evidencia ({count})"],
  "patterns.evidenceLabel": ["What this pattern rests on", "En qué se basa este patrón"],
  "patterns.what": ["the patterns", "los patrones"],
  "patterns.form": ["Weekly form {n}", "Formulario semanal {n}"],
  "patterns.concern": ["Concern {n}", "Inquietud {n}"],
  "patterns.truncated": [
    "More patterns were found than these: the list is complete from the week of {date}, and “Show more patterns” adds earlier ones.",
    "Se encontraron más patrones que estos: la lista está completa desde la semana del {date}, y «Mostrar más patrones» agrega los anteriores.",
  ],
  "patterns.more": ["Show more patterns", "Mostrar más patrones"],
  "patterns.moreShown": ["Earlier patterns were added to the list.", "Se agregaron patrones anteriores a la lista."],
} as const satisfies Record<string, Pair>;

/** The weekly digest to each director. */
export const patternEmailTexts = {
  "email.patterns.subject": ["Fidelio: {count} new patterns this week", "Fidelio: {count} patrones nuevos esta semana"],
  "email.patterns.body": ["These patterns appeared in the week of {monday}:", "Estos patrones aparecieron en la semana del {monday}:"],
  "email.patterns.link": ["See them and their evidence in Fidelio: {link}", "Véalos con su evidencia en Fidelio: {link}"],
} as const satisfies Record<string, Pair>;

export const patternTexts = { ...patternKindTexts, ...patternPageTexts, ...patternEmailTexts };
