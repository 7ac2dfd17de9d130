import { conversationFormTexts } from "@fidelio/core/messages/catalog-conversation";
import { clockTexts } from "@fidelio/core/messages/catalog-rights";

/**
 * Concern strings, English then Spanish, for parents and staff alike (a parent reads every screen
 * of their concern; staff screens follow the app's habit of speaking both). Registered by web/src/strings/concerns.ts.
 */
export const concernListStrings = {
  whatConcern: ["this concern", "esta inquietud"],
  whatConcerns: ["the concerns", "las inquietudes"],
  whatBoard: ["the escalation board", "el tablero de escalamientos"],

  // Raising a concern (parent).

  // Lists.
  nobodyYet: ["Nobody yet", "Nadie todavía"],
  overdue: ["Missed a deadline", "Se venció un plazo"],
  concernsTitle: ["Concerns", "Inquietudes"],
  myConcernsTitle: ["My concerns", "Mis inquietudes"],
  concernsIntroStaff: [
    "Concerns you hold or held, and those of your caseload. What is due first comes first.",
    "Las inquietudes que tiene o tuvo a su cargo, y las de su carga de casos. Lo que vence primero aparece primero.",
  ],
  concernsIntroParent: [
    "The concerns you raised about your children, and where each one is.",
    "Las inquietudes que presentó sobre sus hijos y dónde está cada una.",
  ],
  concernsIntroDirector: [
    "Every concern in the district, newest first. The escalation board shows what is overdue.",
    "Todas las inquietudes del distrito, de la más reciente a la más antigua. El tablero de escalamientos muestra lo vencido.",
  ],
  concernsIntroAdvocate: [
    "Concerns handed to you, each with its evidence packet: the concern, the IEP items, the whole timeline and every email.",
    "Inquietudes que le entregaron, cada una con su expediente de pruebas: la inquietud, los elementos del IEP, todo el historial y cada correo.",
  ],
  openConcernsCaption: ["Open concerns, the nearest deadline first", "Inquietudes abiertas, la de plazo más cercano primero"],
  closedConcernsCaption: ["Closed concerns", "Inquietudes cerradas"],
  noOpenConcerns: ["No open concerns.", "No hay inquietudes abiertas."],
  noConcerns: ["No concerns to show.", "No hay inquietudes para mostrar."],
  colStudent: ["Student", "Estudiante"],
  colWhere: ["Where it is", "Dónde está"],
  colAssignee: ["Who has it", "Quién la tiene"],
  colDue: ["Answer due", "Plazo"],
  colOpened: ["Raised", "Presentada"],
  colPacket: ["Evidence packet", "Expediente de pruebas"],
  openConcernFor: ["Open the concern about {name}", "Abrir la inquietud sobre {name}"],
  packetLink: ["Printable packet", "Expediente para imprimir"],
  packetFor: ["Printable packet for {name}", "Expediente para imprimir de {name}"],
  packetForConcern: ["Printable packet for {reference} ({name})", "Expediente para imprimir de {reference} ({name})"],

  // Telling concerns apart (subject, reference, search) and what waits on the reader (home).
  colConcern: ["Concern", "Inquietud"],
  searchConcerns: ["Search by reference, support, class or student", "Buscar por referencia, apoyo, clase o estudiante"],
  searchConcernsHint: ["For example C-1042, “extended time” or a first name.", "Por ejemplo C-1042, “tiempo extendido” o un nombre."],
  searchButton: ["Search", "Buscar"],
  clearSearch: ["Clear the search", "Borrar la búsqueda"],
  noConcernsFound: ["No concern matches “{q}”.", "Ninguna inquietud coincide con “{q}”."],
} satisfies Record<string, readonly [string, string]>;

/** Filing a concern (the parent's form): registered by web/src/strings/concern-form.ts. */
export const concernFormStrings = {
  // Raising a concern (parent).
  raiseConcernAbout: ["Raise a concern about {name}", "Presentar una inquietud sobre {name}"],
  raiseIntro: [
    "Tell the school which support in the IEP is not happening. The right person gets it, with a deadline to answer, and you can follow every step here.",
    "Diga a la escuela qué apoyo del IEP no se está dando. Le llega a la persona indicada, con un plazo para responder, y usted puede seguir cada paso aquí.",
  ],
  pickSupports: ["Which supports are not happening?", "¿Qué apoyos no se están dando?"],
  pickSupportsHint: ["Choose one or more from your child's IEP.", "Elija uno o más del IEP de su hijo o hija."],
  noSupports: [
    "This IEP lists no supports yet, so a concern cannot be raised here. Ask your child's case manager.",
    "Este IEP todavía no tiene apoyos, así que no se puede presentar una inquietud aquí. Consulte con el administrador de caso de su hijo o hija.",
  ],
  whichClass: ["Which class? (optional)", "¿En qué clase? (opcional)"],
  whichClassHint: [
    "With a class, the concern goes first to its teacher. Without one, it goes to your child's case manager.",
    "Si elige una clase, la inquietud va primero a su maestro. Si no, va al administrador de caso de su hijo o hija.",
  ],
  noClass: ["Not one class, or I am not sure", "No es de una sola clase, o no estoy seguro"],
  classWithTeacher: ["{title} ({teacher})", "{title} ({teacher})"],
  whenHappened: ["When did it happen? (optional)", "¿Cuándo ocurrió? (opcional)"],
  whenHappenedHint: ["The most recent day is enough.", "Basta con el día más reciente."],
  whatHappened: ["What happened?", "¿Qué pasó?"],
  whatHappenedHint: [
    'For example: "No extended time on the math test on Tuesday."',
    'Por ejemplo: "No le dieron tiempo adicional en el examen de matemáticas del martes."',
  ],
  whatWouldFix: ["What would fix it? (optional)", "¿Qué lo solucionaría? (opcional)"],
  advocateEmailLabel: ["Advocate's email (optional)", "Correo del defensor (opcional)"],
  advocateEmailHint: [
    "Someone who helps your family with the IEP. If the concern reaches the last step, it is handed to them with its whole record.",
    "Alguien que ayuda a su familia con el IEP. Si la inquietud llega al último paso, se le entrega con todo su expediente.",
  ],
  draftKept: ["What you write is kept on this device until you send it.", "Lo que escriba se guarda en este dispositivo hasta que lo envíe."],
  draftRestored: ["We kept what you wrote earlier. You can go on where you left off.", "Guardamos lo que escribió antes. Puede seguir donde lo dejó."],
  discardDraft: ["Start over", "Empezar de nuevo"],
  sendConcern: ["Send the concern", "Enviar la inquietud"],
  sendingConcern: ["Sending…", "Enviando…"],
} satisfies Record<string, readonly [string, string]>;

/**
 * The conversation form's title (the catalog's, where the form's words live), which the concern page shows
 * on the closed disclosure that opens the form: the rest of the form's words load with the form.
 */
export const conversationSummaryStrings = { convTitle: conversationFormTexts.convTitle };

/** The two words of the lists a concern's page shows (what failed to load, an unassigned concern): part of web/src/strings/concern-page.ts. */
export const concernPageListStrings = { whatConcern: concernListStrings.whatConcern, nobodyYet: concernListStrings.nobodyYet };

/** The legal clocks' lines on a concern's page (the catalog's clock words): part of web/src/strings/concern-page.ts. */
export const clockLineStrings = {
  clocksTitle: clockTexts.clocksTitle,
  clocksWhy: clockTexts.clocksWhy,
  "clock.state_complaint_window": clockTexts["clock.state_complaint_window"],
  "clock.state_complaint_window.ended": clockTexts["clock.state_complaint_window.ended"],
  "clock.state_complaint_decision": clockTexts["clock.state_complaint_decision"],
  "clock.records_request": clockTexts["clock.records_request"],
};

/**
 * The state complaint's forms on a concern's page (the catalog's clock words), which load when the family
 * opens them. Registered by web/src/strings/complaint-form.ts.
 */
export const complaintFormStrings = {
  complaintFormTitle: clockTexts.complaintFormTitle,
  complaintFormIntro: clockTexts.complaintFormIntro,
  complaintFormAddress: clockTexts.complaintFormAddress,
  complaintFormOpen: clockTexts.complaintFormOpen,
  clocksRecordTitle: clockTexts.clocksRecordTitle,
  clocksRecordIntro: clockTexts.clocksRecordIntro,
  clocksFiledOn: clockTexts.clocksFiledOn,
  clocksRecord: clockTexts.clocksRecord,
  clocksFiledOnRequired: clockTexts.clocksFiledOnRequired,
  clocksFiledOnFuture: clockTexts.clocksFiledOnFuture,
};

/** One concern's page: its summary, timeline and actions. Registered by web/src/strings/concern-page.ts. */
export const concernPageStrings = {
  filedTitle: ["Your concern was sent", "Su inquietud fue enviada"],
  filedReference: ["Reference: {id}. You will get an email at each step.", "Referencia: {id}. Recibirá un correo en cada paso."],

  // One concern.
  concernTitle: ["Concern about {name}", "Inquietud sobre {name}"],
  whereItIs: ["Where it is", "Dónde está"],
  whoHasIt: ["Who has it", "Quién la tiene"],
  byWhen: ["Answer due", "Plazo de respuesta"],
  noDeadline: ["No deadline at this step", "Sin plazo en este paso"],
  dueInZone: ["{when} (district time)", "{when} (hora del distrito)"],
  aboutTitle: ["What it is about", "De qué se trata"],
  inClass: ["Class", "Clase"],
  happenedOn: ["Happened on", "Ocurrió el"],
  description: ["What happened", "Qué pasó"],
  desiredResolution: ["What would fix it", "Qué lo solucionaría"],
  filedBy: ["Raised by", "Presentada por"],
  supportsNamed: ["Supports not happening", "Apoyos que no se están dando"],
  reference: ["Reference", "Referencia"],
  timelineTitle: ["Timeline", "Historial"],
  fidelio: ["Fidelio", "Fidelio"],
  actionsTitle: ["What you can do", "Lo que puede hacer"],
  noActions: ["Nothing for you to do on this concern right now.", "No tiene nada que hacer en esta inquietud por ahora."],
  actionDone: ["Done. The concern now reads: {state}.", "Listo. La inquietud ahora está así: {state}."],
  actionStale: [
    "This can no longer be done: the concern moved on meanwhile. It now reads: {state}.",
    "Esto ya no se puede hacer: la inquietud avanzó mientras tanto. Ahora está así: {state}.",
  ],
  backToConcerns: ["All concerns", "Todas las inquietudes"],
  // The closed disclosure under the legal clocks that opens the state complaint's forms.
  complaintOpenTitle: ["Prepare or record a state complaint", "Preparar o registrar una queja estatal"],

  "act.provide_info": ["Answer the question", "Responder la pregunta"],
  "act.provide_info.label": ["Your answer", "Su respuesta"],
  "act.provide_info.hint": ["The school's deadline starts again when you answer.", "El plazo de la escuela vuelve a correr cuando usted responde."],
  "act.confirm": ["Yes, it is fixed", "Sí, está solucionado"],
  "act.confirm.label": ["Anything to add? (optional)", "¿Algo que agregar? (opcional)"],
  "act.confirm.hint": ["The concern closes as resolved.", "La inquietud se cierra como resuelta."],
  "act.dispute": ["No, it is not fixed", "No, no está solucionado"],
  "act.dispute.label": ["What is still not happening", "Qué sigue sin darse"],
  "act.dispute.hint": ["The concern goes up to the next level.", "La inquietud sube al siguiente nivel."],
  "act.withdraw": ["Withdraw the concern", "Retirar la inquietud"],
  "act.withdraw.label": ["Why (optional)", "Por qué (opcional)"],
  "act.withdraw.hint": ["The concern closes. You can raise a new one at any time.", "La inquietud se cierra. Puede presentar una nueva cuando quiera."],
  confirmQuestion: ["Is it fixed?", "¿Está solucionado?"],
  confirmQuestionIntro: [
    "The school says it resolved your concern. Please tell us if that is right by {due}.",
    "La escuela dice que resolvió su inquietud. Díganos si es así antes del {due}.",
  ],
  questionForYou: ["The school asked you a question", "La escuela le hizo una pregunta"],
} satisfies Record<string, readonly [string, string]>;

/**
 * The assignee's actions on a concern (staff only): registered by web/src/strings/concern-staff-actions.ts,
 * which loads with the first of these forms a page shows, so a parent's concern page never carries them.
 */
export const concernStaffActionStrings = {
  "act.resolve": ["Resolve it", "Resolverla"],
  "act.resolve.label": ["What was done", "Qué se hizo"],
  "act.resolve.hint": ["The family is asked to confirm that it is fixed.", "Se le pide a la familia que confirme que está solucionado."],
  "act.escalate": ["Escalate it", "Escalarla"],
  "act.escalate.label": ["Why it goes to the next level", "Por qué pasa al siguiente nivel"],
  "act.escalate.hint": ["The concern moves up the ladder with its whole timeline.", "La inquietud sube de nivel con todo su historial."],
  "act.request_info": ["Ask the family a question", "Hacer una pregunta a la familia"],
  "act.request_info.label": ["Your question", "Su pregunta"],
  "act.request_info.hint": ["Your deadline pauses until the family answers.", "Su plazo se detiene hasta que la familia responda."],
  "act.record_outcome": ["Record the outcome", "Registrar el resultado"],
  "act.record_outcome.label": ["The outcome", "El resultado"],
  "act.record_outcome.hint": ["The concern closes with this outcome.", "La inquietud se cierra con este resultado."],
} satisfies Record<string, readonly [string, string]>;

/** The director's escalation board (staff only). Registered by web/src/strings/concern-board.ts. */
export const concernBoardStrings = {
  // Director's board.
  boardTitle: ["Escalation board", "Tablero de escalamientos"],
  boardIntro: [
    "Every open concern in the district by level, overdue first, with how long it has been open and at its current level.",
    "Todas las inquietudes abiertas del distrito por nivel, las vencidas primero, con cuánto tiempo llevan abiertas y en su nivel actual.",
  ],
  boardBlurb: [
    "Open concerns by level and deadline, overdue first; time to resolution; missed deadlines by school.",
    "Inquietudes abiertas por nivel y plazo, las vencidas primero; tiempo de resolución; plazos vencidos por escuela.",
  ],
  boardFilters: ["Filter the board", "Filtrar el tablero"],
  allLevels: ["All levels", "Todos los niveles"],
  levelLabel: ["Level", "Nivel"],
  totalsTitle: ["At a glance", "Resumen"],
  totalOpen: ["Open", "Abiertas"],
  totalOverdue: ["Missed a deadline", "Con un plazo vencido"],
  openByLevelCaption: ["Open concerns by level, overdue first", "Inquietudes abiertas por nivel, las vencidas primero"],
  colLevel: ["Level", "Nivel"],
  colTimeOpen: ["Open for", "Abierta desde hace"],
  colTimeAtLevel: ["At this level for", "En este nivel desde hace"],
  resolvedTitle: ["Resolved in the last 30 days", "Resueltas en los últimos 30 días"],
  medianTime: ["Median time to resolution: {duration}.", "Tiempo medio (mediana) de resolución: {duration}."],
  medianNone: ["No median yet: nothing was resolved in this period.", "Todavía no hay mediana: no se resolvió nada en este periodo."],
  missedTitle: ["Missed deadlines by school", "Plazos vencidos por escuela"],
  missedCaption: ["Deadlines that passed with no answer", "Plazos que vencieron sin respuesta"],
  colMissed: ["Missed deadlines", "Plazos vencidos"],
  noMissed: ["No missed deadlines.", "No hay plazos vencidos."],
  showMoreConcerns: ["Show more concerns", "Mostrar más inquietudes"],
} satisfies Record<string, readonly [string, string]>;

/**
 * What names a concern from pages about something else: the home page's "waiting on you", a concern's
 * name in a list. English then Spanish (the `concern-links` area).
 */
export const concernLinkStrings = {
  concernFor: ["Concern about {name}", "Inquietud sobre {name}"],
  waitingTitle: ["Waiting on you", "Pendiente de su parte"],
  waitingNone: ["Nothing is waiting on you.", "No tiene nada pendiente."],
  whatWaiting: ["what is waiting on you", "lo que tiene pendiente"],
  "waiting.answer_question": ["The school asked you a question; answer by {due}.", "La escuela le hizo una pregunta; responda a más tardar el {due}."],
  "waiting.confirm_fix": [
    "The school says it is fixed; confirm the fix by {due}.",
    "La escuela dice que ya está resuelto; confirme la solución a más tardar el {due}.",
  ],
  "waiting.respond": ["A concern about {name} waits for your answer by {due}.", "Una inquietud sobre {name} espera su respuesta a más tardar el {due}."],
  "waiting.record_outcome": [
    "A concern about {name} was handed to you; record its outcome.",
    "Se le entregó una inquietud sobre {name}; registre el resultado.",
  ],
} satisfies Record<string, readonly [string, string]>;

/** Every concern key, for the type of `t` (i18n.ts): each area registers its own part. */
export const concernStrings = {
  ...concernLinkStrings,
  ...concernListStrings,
  ...concernFormStrings,
  ...concernPageStrings,
  ...concernStaffActionStrings,
  ...concernBoardStrings,
};
