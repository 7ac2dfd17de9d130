/** A class's week on one screen and help for a teacher who is stuck, English then Spanish; registered by web/src/strings/support.ts. */
export const supportStrings = {
  whatClassWeek: ["this class's week", "la semana de esta clase"],
  classWeekTitle: ["{title}: week of {date}", "{title}: semana del {date}"],
  classWeekIntro: [
    "One row per student with an IEP in this class. Mark everything provided, then change only what was different. Answers save as you go.",
    "Una fila por estudiante con IEP en esta clase. Marque todo como brindado y cambie solo lo que fue distinto. Las respuestas se guardan solas.",
  ],
  allProvidedClass: ["Everything provided, whole class", "Todo brindado, toda la clase"],
  allProvidedClassHint: [
    "Marks every support not yet answered as provided; answers you already gave stay.",
    "Marca como brindado cada apoyo sin respuesta; las respuestas que ya dio se mantienen.",
  ],
  allProvidedStudent: ["Everything provided for {name}", "Todo brindado para {name}"],
  barrierLegend: ["Why was it not provided in full?", "¿Por qué no se brindó por completo?"],
  barrierMissing: ["Choose why.", "Elija por qué."],
  itemNote: ["Note", "Nota"],
  itemNoteRequired: ["Note (required)", "Nota (obligatoria)"],
  studentNote: ["Note on {name}'s week (optional)", "Nota sobre la semana de {name} (opcional)"],
  modificationsEveryClass: ["Modifications, in every class", "Modificaciones, en todas las clases"],
  servicesOnForm: ["Service minutes go on {name}'s own form.", "Los minutos de servicio se anotan en el formulario de {name}."],
  openStudentForm: ["Open {name}'s form", "Abrir el formulario de {name}"],
  rowSubmitted: ["Submitted", "Enviado"],
  rowConflict: [
    "These answers were saved elsewhere since you opened the page. Reload them, check, then submit again.",
    "Estas respuestas se guardaron en otro lugar después de abrir la página. Recárguelas, revíselas y vuelva a enviar.",
  ],
  reloadRow: ["Reload {name}'s answers", "Recargar las respuestas de {name}"],
  rowAck: [
    "{name}'s IEP changed: acknowledge it on the student's form before submitting.",
    "El IEP de {name} cambió: confírmelo en el formulario del estudiante antes de enviar.",
  ],
  rowNotSubmitted: ["Not submitted yet; your answers are saved:", "Todavía no se envió; sus respuestas están guardadas:"],
  blockerBarrier: ["Say why \u201c{item}\u201d was not provided in full.", "Indique por qué no se brindó por completo \u201c{item}\u201d."],
  submitNeedsBarrier: [
    "For each support not provided in full, choose why before submitting.",
    "Para cada apoyo que no se brindó por completo, elija por qué antes de enviar.",
  ],
  submitClass: ["Submit the class", "Enviar la clase"],
  submittingClass: ["Submitting…", "Enviando…"],
  classResult: ["{done} of {total} forms submitted.", "{done} de {total} formularios enviados."],
  classAllSubmitted: ["Every form of this class is submitted. Thank you.", "Todos los formularios de esta clase están enviados. Gracias."],
  classLateReason: [
    "This week is past the grace period: say why it is recorded late",
    "Esta semana pasó el plazo de gracia: indique por qué se registra tarde",
  ],
  classLink: ["Record the whole class at once", "Registrar toda la clase a la vez"],
  classLinkLabel: ["Record the whole class at once: {title}, week of {date}", "Registrar toda la clase a la vez: {title}, semana del {date}"],
} satisfies Record<string, readonly [string, string]>;
