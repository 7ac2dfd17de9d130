import type { Pair } from "./pair";

/** The district settings page's rights fields: the notice's safeguards statement and each legal clock's state period. English then Spanish. */
export const rightsSettingsTexts = {
  rightsSettingsLegend: ["Families' rights", "Derechos de las familias"],
  safeguardsLabel: ["Procedural safeguards statement for prior written notices", "Declaración de garantías procesales para los avisos previos por escrito"],
  safeguardsHint: [
    "Printed on a notice when staff write none: where families in your state get help. Leave empty for Fidelio's federal statement.",
    "Se imprime en un aviso cuando el personal no escribe una: dónde obtienen ayuda las familias de su estado. Déjelo vacío para usar la declaración federal de Fidelio.",
  ],
  clocksOverrideLegend: ["Legal time limits where your state's rule differs", "Plazos legales donde la regla de su estado es distinta"],
  clocksOverrideHint: [
    "Leave a row empty to use the federal rule shown. A state period needs its length, unit and the rule that sets it.",
    "Deje una fila vacía para usar la regla federal indicada. Un plazo estatal necesita su duración, unidad y la regla que lo fija.",
  ],
  "clockName.state_complaint_window": ["Time to file a state complaint", "Plazo para presentar una queja estatal"],
  "clockName.state_complaint_decision": ["Time for the state to decide a complaint", "Plazo del estado para decidir una queja"],
  "clockName.records_request": ["Time to answer a records request", "Plazo para responder una solicitud de expedientes"],
  clockFederal: ["Federal: {period} ({citation})", "Federal: {period} ({citation})"],
  clockAmount: ["Length", "Duración"],
  clockUnit: ["Unit", "Unidad"],
  "clockUnit.days": ["days", "días"],
  "clockUnit.years": ["years", "años"],
  clockCitation: ["State rule (citation)", "Regla estatal (cita)"],
  clockIncomplete: ["Give the length and the rule, or leave both empty.", "Indique la duración y la regla, o deje ambas vacías."],
} as const satisfies Record<string, Pair>;
