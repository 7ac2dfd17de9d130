import type { Pair } from "./pair";

/**
 * Prior written notice (34 CFR 300.503) when the school declines what a concern asks for, and the
 * words around it on the concern page, in its email and in its packet: English, then Spanish.
 */
export const noticeEventTexts = {
  "event.declined": ["The school declined the request and gave written notice", "La escuela rechazó la solicitud y entregó un aviso por escrito"],
  "event.conversation_logged": ["A conversation was put on the record", "Se dejó constancia de una conversación"],
  "event.recap_disputed": ["Said a conversation's recap is not what was agreed", "Dijo que el resumen de una conversación no es lo que se acordó"],
} satisfies Record<string, Pair>;

/** The parent's recap after a decline asks for an answer (emails only: the web never bundles it). */
export const noticeEmailTexts = {
  "email.concern.askAccept": [
    "The school declined your request; its written notice is above. Please accept it or dispute it by {due}. A dispute sends the concern to the next level.",
    "La escuela rechazó su solicitud; su aviso por escrito está arriba. Por favor, acéptelo o dispútelo antes del {due}. Si lo disputa, la inquietud pasa al siguiente nivel.",
  ],
  "email.recap.subject": ["Recap of your conversation about {student}", "Resumen de su conversación sobre {student}"],
  "email.recap.intro": [
    "{name} put on the record a conversation about concern {label} ({student}): {mode}, on {on}.",
    "{name} dejó constancia de una conversación sobre la inquietud {label} ({student}): {mode}, el {on}.",
  ],
  "email.recap.with": ["Who took part: {names}", "Participantes: {names}"],
  "email.recap.text": ["What was said and agreed: {text}", "Lo que se dijo y se acordó: {text}"],
  "email.recap.disagree": ["If this is not what you agreed, say so by {due}: {link}", "Si esto no es lo que acordaron, dígalo antes del {due}: {link}"],
} satisfies Record<string, Pair>;

export const noticeAuditTexts = {
  "action.concern.decline": ["Declined a concern's request, with written notice", "Rechazó la solicitud de una inquietud, con aviso por escrito"],
  "action.concern.log_conversation": ["Put a conversation about a concern on the record", "Dejó constancia de una conversación sobre una inquietud"],
  "action.concern.dispute_recap": ["Said a conversation's recap is not what was agreed", "Dijo que el resumen de una conversación no es lo que se acordó"],
} satisfies Record<string, Pair>;

export const noticeTexts = {
  ...noticeEventTexts,
  "notice.title": ["Prior written notice", "Aviso previo por escrito"],
  "mode.phone": ["by phone", "por teléfono"],
  "mode.meeting": ["in a meeting", "en una reunión"],
  "mode.in_person": ["in person", "en persona"],
  "mode.video": ["by video call", "por videollamada"],
  "recap.with": ["With {names}", "Con {names}"],
  "recap.on": ["{mode}, on {on}", "{mode}, el {on}"],
  "recap.disputeBy": [
    "Participants may say this is not what was agreed until {due}.",
    "Los participantes pueden decir que esto no es lo que se acordó hasta el {due}.",
  ],
  "notice.intro": [
    "The school declined what this concern asks for. The law (34 CFR 300.503) requires it to tell you, in writing:",
    "La escuela rechazó lo que pide esta inquietud. La ley (34 CFR 300.503) le obliga a decirle por escrito:",
  ],
  "notice.actionRefused": ["What the school refuses to do", "Lo que la escuela se niega a hacer"],
  "notice.reasons": ["Why", "Por qué"],
  "notice.optionsConsidered": ["Other options considered, and why they were rejected", "Otras opciones consideradas y por qué se rechazaron"],
  "notice.basis": ["Evaluations, records and reports used", "Evaluaciones, expedientes e informes utilizados"],
  "notice.otherFactors": ["Other factors", "Otros factores"],
  "notice.safeguards": ["Your procedural safeguards and where to get help", "Sus garantías procesales y dónde obtener ayuda"],
  "notice.safeguardsDefault": [
    "You have protections under the procedural safeguards of the Individuals with Disabilities Education Act (IDEA). Ask the school or the district's special education office for a copy of the Procedural Safeguards Notice. For help understanding this notice, contact your state's Parent Training and Information Center or the state department of education.",
    "Usted tiene protecciones bajo las garantías procesales de la Ley de Educación para Personas con Discapacidades (IDEA). Pida a la escuela o a la oficina de educación especial del distrito una copia del Aviso de Garantías Procesales. Para recibir ayuda para entender este aviso, comuníquese con el Centro de Capacitación e Información para Padres de su estado o con el departamento de educación del estado.",
  ],
  "notice.issuedBy": ["Given by {name} on {when}", "Entregado por {name} el {when}"],
  "notice.missing": ["The prior written notice needs: {fields}", "Al aviso previo por escrito le falta: {fields}"],

  "act.decline": ["Decline, with written notice", "Rechazar, con aviso por escrito"],
  "act.decline.intro": [
    "Declining what the family asks for requires prior written notice (34 CFR 300.503). The family receives it by email in their language and may accept or dispute it.",
    "Rechazar lo que pide la familia requiere un aviso previo por escrito (34 CFR 300.503). La familia lo recibe por correo en su idioma y puede aceptarlo o disputarlo.",
  ],
  "act.decline.safeguardsHint": ["Leave empty to use the district's statement.", "Déjelo vacío para usar la declaración del distrito."],
  "notice.acceptQuestion": ["Do you accept the school's decision?", "¿Acepta la decisión de la escuela?"],
  "notice.acceptIntro": [
    "Accept it, or dispute it to send the concern to the next level, by {due}.",
    "Acéptela, o dispútela para enviar la inquietud al siguiente nivel, antes del {due}.",
  ],
  "notice.accept": ["I accept the decision", "Acepto la decisión"],
  "notice.dispute": ["I dispute the decision", "Disputo la decisión"],
} satisfies Record<string, Pair>;
