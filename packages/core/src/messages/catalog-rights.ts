import type { Pair } from "./pair";

/**
 * The legal clocks' words (packages/core/src/rights): the basis of each clock, English then Spanish.
 * `{citation}` is the rule's citation (the district's own where its state's rule differs), `{period}`
 * the period in words (`rightsPeriod.*`).
 */
export const rightsTexts = {
  "rightsPeriod.day": ["{count} day", "{count} día"],
  "rightsPeriod.days": ["{count} days", "{count} días"],
  "rightsPeriod.year": ["{count} year", "{count} año"],
  "rightsPeriod.years": ["{count} years", "{count} años"],
  "rightsBasis.state_complaint_window": [
    "A state complaint must be about something that happened no more than {period} before the state receives it ({citation}). The period starts on the day the concern says the lapse happened, or the day it was filed.",
    "Una queja estatal debe tratar de algo que ocurrió no más de {period} antes de que el estado la reciba ({citation}). El plazo empieza el día en que la inquietud dice que ocurrió la falta, o el día en que se presentó.",
  ],
  "rightsBasis.state_complaint_decision": [
    "Once a state complaint is filed, the state has {period} to investigate and decide it ({citation}).",
    "Una vez presentada una queja estatal, el estado tiene {period} para investigarla y tomar una decisión ({citation}).",
  ],
  "rightsBasis.records_request": [
    "The district must let the parent see the child's education records within {period} of the request, and before any IEP meeting or due process hearing, whichever comes first ({citation}).",
    "El distrito debe permitir que el padre, la madre o el tutor vea los expedientes educativos del niño dentro de {period} después de la solicitud, y antes de cualquier reunión del IEP o audiencia de debido proceso, lo que ocurra primero ({citation}).",
  ],
} as const satisfies Record<string, Pair>;
