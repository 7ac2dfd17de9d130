import type { Helped } from "../fidelity/schema";
import type { Pair } from "./pair";

/** "Did it help?" on a provided answer, English then Spanish: the weekly forms and the IEP review summary word it from here. */
export const helpedTexts: Record<`helped.${Helped}`, Pair> = {
  "helped.yes": ["Yes", "Sí"],
  "helped.somewhat": ["Somewhat", "Algo"],
  "helped.no": ["No", "No"],
  "helped.not_sure": ["Not sure", "No lo sé"],
};

/** The student page's link to the summary: apart, so that page does not load the summary's words. */
export const reviewLinkTexts = {
  "review.link": ["IEP review summary", "Resumen para la revisión del IEP"],
} satisfies Record<string, Pair>;

/** The IEP review summary page (web/src/pages/iep-review.tsx) and the question on the forms. */
export const reviewTexts = {
  "review.helpedQuestion": ["Did it help? (optional)", "¿Le ayudó? (opcional)"],
  "review.helpedUnsaid": ["Not said", "Sin indicar"],
  "review.title": ["IEP review summary: {name}", "Resumen para la revisión del IEP: {name}"],
  "review.what": ["the IEP review summary", "el resumen para la revisión del IEP"],
  "review.intro": [
    "How each support of the IEP was delivered since this version took effect, and what teachers said about whether it helped, for the team's annual review. Only weeks that have ended are counted.",
    "Cómo se brindó cada apoyo del IEP desde que esta versión entró en vigor, y qué dijeron los maestros sobre si le ayudó, para la revisión anual del equipo. Solo se cuentan las semanas que ya terminaron.",
  ],
  "review.periodOpen": [
    "IEP version {version}, in effect since {start}. Weeks counted: {from} to {to}.",
    "Versión {version} del IEP, vigente desde el {start}. Semanas contadas: del {from} al {to}.",
  ],
  "review.periodClosed": [
    "IEP version {version}, in effect from {start} to {end}. Weeks counted: {from} to {to}.",
    "Versión {version} del IEP, vigente del {start} al {end}. Semanas contadas: del {from} al {to}.",
  ],
  "review.truncated": [
    "This version has been in effect longer than Fidelio counts at once: only the weeks above are counted.",
    "Esta versión lleva vigente más tiempo del que Fidelio cuenta de una vez: solo se cuentan las semanas indicadas.",
  ],
  "review.noIep": ["No IEP is in effect yet.", "Todavía no hay un IEP vigente."],
  "review.servicesTitle": ["Services", "Servicios"],
  "review.serviceRate": [
    "{delivered} of {required} minutes given in the {weeks} weeks recorded ({percent} of the required minutes)",
    "{delivered} de {required} minutos dados en las {weeks} semanas registradas ({percent} de los minutos requeridos)",
  ],
  "review.serviceNone": ["No week recorded yet", "Todavía no hay semanas registradas"],
  "review.serviceNotRecorded": [
    "Weeks not recorded yet: {weeks} ({minutes} min required; not counted above)",
    "Semanas aún sin registrar: {weeks} ({minutes} min requeridos; no se cuentan arriba)",
  ],
  "review.supportsTitle": ["Accommodations", "Adaptaciones"],
  "review.helpedTitle": [
    "Did it help? Answers on the {provided} reports that say provided in full:",
    "¿Le ayudó? Respuestas en los {provided} informes que dicen que se brindó por completo:",
  ],
  "review.helpedNone": [
    "No report says it was provided in full yet, so nobody has said whether it helped.",
    "Todavía ningún informe dice que se brindó por completo, así que nadie ha dicho si le ayudó.",
  ],
  "review.downloadCsv": ["Download this summary (CSV)", "Descargar este resumen (CSV)"],
  "review.nothingYet": ["Nothing has been recorded for this IEP version yet.", "Todavía no se ha registrado nada para esta versión del IEP."],
} satisfies Record<string, Pair>;
