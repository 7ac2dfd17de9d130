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

/** The clocks as the concern's page, the student's page and the director's board say them, English then Spanish. */
export const clockTexts = {
  clocksTitle: ["Time limits the law sets", "Plazos que fija la ley"],
  clocksWhy: ["Why this date", "Por qué esta fecha"],
  "clock.state_complaint_window": ["You can file a state complaint about this until {date}.", "Puede presentar una queja estatal sobre esto hasta el {date}."],
  "clock.state_complaint_window.ended": [
    "The time to file a state complaint about this ended on {date}.",
    "El plazo para presentar una queja estatal sobre esto terminó el {date}.",
  ],
  "clock.state_complaint_decision": [
    "A state complaint was filed on {start}. The state should decide it by {date}.",
    "Se presentó una queja estatal el {start}. El estado debe decidirla a más tardar el {date}.",
  ],
  "clock.records_request": [
    "Records asked for on {start}: the district must let the family see them by {date}, and before any IEP meeting or hearing.",
    "Expedientes pedidos el {start}: el distrito debe permitir que la familia los vea a más tardar el {date}, y antes de cualquier reunión del IEP o audiencia.",
  ],
  clocksRecordTitle: ["Did you file a state complaint?", "¿Presentó una queja estatal?"],
  complaintFormTitle: ["A state complaint, ready to print", "Una queja estatal, lista para imprimir"],
  complaintFormIntro: [
    "Fidelio puts this concern's evidence in the order a state complaint takes. Add the child's address if you want it printed; it is not stored.",
    "Fidelio ordena las pruebas de esta inquietud como lo pide una queja estatal. Agregue la dirección del niño si quiere que se imprima; no se guarda.",
  ],
  complaintFormAddress: ["Child's address (optional)", "Dirección del niño (opcional)"],
  complaintFormOpen: ["Open the state complaint form", "Abrir el formulario de queja estatal"],
  clocksRecordIntro: [
    "Record the day you filed it with the state. The concern stays where it is; its page then shows when the state should decide.",
    "Registre el día en que la presentó ante el estado. La inquietud sigue donde está; su página mostrará cuándo debe decidir el estado.",
  ],
  clocksFiledOn: ["Day the state complaint was filed", "Día en que se presentó la queja estatal"],
  clocksRecord: ["Record the state complaint", "Registrar la queja estatal"],
  clocksFiledOnRequired: ["Give the day it was filed.", "Indique el día en que se presentó."],
  clocksFiledOnFuture: ["That day has not come yet.", "Ese día todavía no ha llegado."],
  clocksRecorded: ["Recorded. The state's time to decide is shown above.", "Registrado. El plazo del estado para decidir se muestra arriba."],
  boardClocksTitle: ["Legal time limits ending within 30 days", "Plazos legales que terminan en los próximos 30 días"],
  boardClocksNone: ["No legal time limit ends in the next 30 days.", "Ningún plazo legal termina en los próximos 30 días."],
  boardClockEnds: ["Ends {date}", "Termina el {date}"],
  boardRecordsTitle: ["Records requests waiting for an answer", "Solicitudes de expedientes sin responder"],
  boardRecordsNone: ["No records request is waiting.", "No hay solicitudes de expedientes pendientes."],
  "boardClock.state_complaint_window": ["State complaint window closes", "Se cierra el plazo para una queja estatal"],
  "boardClock.state_complaint_decision": ["State decides a complaint", "El estado decide una queja"],
  "boardClock.records_request": ["Records request must be answered", "Se debe responder a una solicitud de expedientes"],
} as const satisfies Record<string, Pair>;

/**
 * The state complaint form of the packet (packages/core/src/concern/complaint-html.ts), its sections in
 * the order 34 CFR 300.153(b) lists a complaint's contents, English then Spanish.
 */
export const complaintTexts = {
  "complaint.title": ["State complaint: special education (IDEA)", "Queja estatal: educación especial (IDEA)"],
  "complaint.documentTitle": ["State complaint: concern {id}", "Queja estatal: inquietud {id}"],
  "complaint.intro": [
    "Prepared from Fidelio's records of concern {id}, in the order a state complaint takes (34 CFR 300.153(b)). Review it, add anything missing, sign it and send it to your state education agency.",
    "Preparada con los registros de Fidelio de la inquietud {id}, en el orden que sigue una queja estatal (34 CFR 300.153(b)). Revísela, agregue lo que falte, fírmela y envíela a la agencia de educación de su estado.",
  ],
  "complaint.violation": ["1. The requirement not met", "1. El requisito que no se cumplió"],
  "complaint.violationIntro": [
    "The school district has not implemented these supports of the child's IEP:",
    "El distrito escolar no ha aplicado estos apoyos del IEP del niño:",
  ],
  "complaint.inVersion": ["IEP version {version}, in effect from {date}", "IEP versión {version}, vigente desde el {date}"],
  "complaint.facts": ["2. The facts", "2. Los hechos"],
  "complaint.weekly": ["Weekly records for these supports", "Registros semanales de estos apoyos"],
  "complaint.missedDeadlines": ["Deadlines the district missed", "Plazos que el distrito no cumplió"],
  "complaint.noMissed": ["None recorded.", "No se registró ninguno."],
  "complaint.timeline": ["What happened, in order", "Lo que pasó, en orden"],
  "complaint.child": ["3. The child", "3. El niño o la niña"],
  "complaint.name": ["Name", "Nombre"],
  "complaint.address": ["Address", "Dirección"],
  "complaint.addressBlank": ["(write the child's address here)", "(escriba aquí la dirección del niño)"],
  "complaint.problem": ["4. The nature of the problem", "4. La naturaleza del problema"],
  "complaint.resolution": ["5. The resolution I ask for", "5. La solución que pido"],
  "complaint.makeUp": ["Make-up (compensatory) minutes owed", "Minutos de recuperación (compensatorios) que se deben"],
  "complaint.makeUpLine": [
    "{name}: {owed} minutes owed ({delivered} of {required} delivered)",
    "{name}: se deben {owed} minutos (se brindaron {delivered} de {required})",
  ],
  "complaint.noneOwed": ["No minutes are owed for the supports named.", "No se deben minutos por los apoyos indicados."],
  "complaint.complainant": ["6. The person filing", "6. La persona que presenta la queja"],
  "complaint.contact": ["Contact", "Contacto"],
  "complaint.signature": ["Signature", "Firma"],
  "complaint.date": ["Date", "Fecha"],
  "complaint.window": ["The state must receive this complaint by {date}: {basis}", "El estado debe recibir esta queja a más tardar el {date}: {basis}"],
} as const satisfies Record<string, Pair>;

/** A records request on the student's page, for the family and for the staff who release records. */
export const recordsTexts = {
  recordsTitle: ["Education records", "Expedientes educativos"],
  recordsIntro: [
    "You can ask to see your child's education records: IEP versions, weekly records, concerns with their evidence, and who viewed them.",
    "Puede pedir ver los expedientes educativos de su hijo o hija: versiones del IEP, registros semanales, inquietudes con sus pruebas y quién los consultó.",
  ],
  recordsAsk: ["Ask for the records", "Pedir los expedientes"],
  recordsAsked: ["Asked for on {date} by {name}", "Pedidos el {date} por {name}"],
  recordsWaiting: ["Waiting for the school to release them.", "Esperando a que la escuela los entregue."],
  recordsReleased: ["Released on {date} by {name}.", "Entregados el {date} por {name}."],
  recordsDownload: ["Download the records (zip)", "Descargar los expedientes (zip)"],
  recordsRelease: ["Release the records to the family", "Entregar los expedientes a la familia"],
  recordsNone: ["No records request.", "No hay solicitudes de expedientes."],
} as const satisfies Record<string, Pair>;
