import type { HelpTrigger } from "../help/schema";
import type { Pair } from "./pair";

/** Why a help request was opened, as the case manager and the teacher read it. */
export const helpTriggerTexts = {
  "help.trigger.not_sure_how": ["The teacher is not sure how to provide it", "El maestro no sabe bien cómo brindarlo"],
  "help.trigger.materials_missing": ["Materials or technology are missing", "Faltan materiales o tecnología"],
  "help.trigger.asked": ["The teacher asked for help with it", "El maestro pidió ayuda con esto"],
  "help.trigger.missed_twice": ["It was missed two weeks running", "No se brindó dos semanas seguidas"],
} as const satisfies Record<`help.trigger.${HelpTrigger}`, Pair>;

/** The emails: to the case manager when a request opens, to the teacher when it is answered, to the other side of each comment. */
export const helpEmailTexts = {
  "email.help.opened.subject": ["Fidelio: {teacher} asks for help with {student}'s support", "Fidelio: {teacher} pide ayuda con un apoyo de {student}"],
  "email.help.opened.body": [
    '{teacher} asks for your help with "{item}" for {student} (week of {monday}). Why: {why}.',
    '{teacher} le pide ayuda con "{item}" para {student} (semana del {monday}). Motivo: {why}.',
  ],
  "email.help.opened.note": ["Their note: {note}", "Su nota: {note}"],
  "email.help.opened.due": ["Please answer by {due}.", "Por favor responda a más tardar el {due}."],
  "email.help.opened.link": ["Answer it in Fidelio: {link}", "Respóndala en Fidelio: {link}"],
  "email.help.resolved.subject": [
    "Fidelio: {caseManager} answered your request about {student}",
    "Fidelio: {caseManager} respondió su solicitud sobre {student}",
  ],
  "email.help.resolved.body": [
    '{caseManager} answered your request for help with "{item}" for {student}:',
    '{caseManager} respondió su solicitud de ayuda con "{item}" para {student}:',
  ],
  "email.help.resolved.link": ["See it in Fidelio: {link}", "Véala en Fidelio: {link}"],
  "email.help.comment.subject": [
    "Fidelio: {name} commented on the help request about {student}",
    "Fidelio: {name} comentó la solicitud de ayuda sobre {student}",
  ],
  "email.help.comment.body": [
    '{name} commented on the request for help with "{item}" for {student}:',
    '{name} comentó la solicitud de ayuda con "{item}" para {student}:',
  ],
} as const satisfies Record<string, Pair>;

/** The home page's help requests and the team note, as the web shows them. */
export const helpPageTexts = {
  "help.title": ["Help requests", "Solicitudes de ayuda"],
  "help.intro.caseManager": [
    "Teachers who are stuck on a support ask you here. Answer with what you did, such as modelling it in class or leaving materials.",
    "Los maestros que no pueden brindar un apoyo le piden ayuda aquí. Responda con lo que hizo, por ejemplo mostrarlo en clase o dejar materiales.",
  ],
  "help.intro.teacher": ["Your requests for help, and the case manager's answers.", "Sus solicitudes de ayuda y las respuestas del administrador de caso."],
  "help.toAnswer": ["To answer", "Por responder"],
  "help.mine": ["You asked", "Usted pidió"],
  "help.none": ["No help requests.", "No hay solicitudes de ayuda."],
  "help.what": ["the help requests", "las solicitudes de ayuda"],
  "help.item": ['{student}: "{item}"', '{student}: "{item}"'],
  "help.from": ["From {teacher}, week of {monday}", "De {teacher}, semana del {monday}"],
  "help.to": ["To {caseManager}, week of {monday}", "Para {caseManager}, semana del {monday}"],
  "help.due": ["Due {due}", "Vence el {due}"],
  "help.waiting": ["{teacher} asks for your help; answer by {due}.", "{teacher} le pide ayuda; responda a más tardar el {due}."],
  "help.pastDue": ["Past due since {due}", "Vencida desde el {due}"],
  "help.status.open": ["Open", "Abierta"],
  "help.status.resolved": ["Answered", "Respondida"],
  "help.why": ["Why: {why}", "Motivo: {why}"],
  "help.note": ["Note: {note}", "Nota: {note}"],
  "help.answer": ["Answer", "Respuesta"],
  "help.answeredBy": ["{name} answered on {day}:", "{name} respondió el {day}:"],
  "help.commentBy": ["{name} on {day}:", "{name} el {day}:"],
  "help.text": ["What you did, or a comment", "Lo que hizo, o un comentario"],
  "help.commentText": ["Your comment for the case manager", "Su comentario para el administrador de caso"],
  "help.textFor": ["Answer or comment for {student}: {item}", "Respuesta o comentario para {student}: {item}"],
  "help.resolve": ["Resolve with this answer", "Resolver con esta respuesta"],
  "help.comment": ["Add comment", "Agregar comentario"],
  "help.saved": ["Saved.", "Guardado."],
  "help.stale": [
    "Someone changed this request meanwhile; it has been reloaded. Send again.",
    "Alguien cambió esta solicitud; se volvió a cargar. Envíe de nuevo.",
  ],
  "help.needed": ["I need help with this", "Necesito ayuda con esto"],
  "help.neededHint": [
    "When you submit, the student's case manager is asked to help with it.",
    "Al enviar, se le pide al administrador de caso del estudiante que le ayude con esto.",
  ],
  "help.counts": [
    "Help requests: {open} open ({pastDue} past due), {resolved} answered.",
    "Solicitudes de ayuda: {open} abiertas ({pastDue} vencidas), {resolved} respondidas.",
  ],
  "help.countsScope": [
    "As they stand today, for the school chosen or the whole district, whichever teacher and weeks are chosen.",
    "Tal como están hoy, para la escuela elegida o todo el distrito, sea cual sea el maestro y las semanas elegidas.",
  ],
  "teamNote.title": ["Team note for this week", "Nota del equipo de esta semana"],
  "teamNote.intro": [
    "Shared between the student's teachers and case manager: what worked, what is coming up.",
    "Compartida entre los maestros y el administrador de caso del estudiante: qué funcionó, qué viene.",
  ],
  "teamNote.label": ["Team note", "Nota del equipo"],
  "teamNote.save": ["Save team note", "Guardar nota del equipo"],
  "teamNote.savedBy": ["Last saved by {name}, {day}", "Guardada por última vez por {name}, {day}"],
  "teamNote.stale": [
    "{name} changed this note meanwhile. Their text is shown here; yours is kept in the box below: edit it and save again.",
    "{name} cambió esta nota mientras tanto. Aquí se muestra su texto; el suyo sigue en el cuadro de abajo: edítelo y guarde de nuevo.",
  ],
  "teamNote.forStudent": ["Team note: {name}", "Nota del equipo: {name}"],
  "teamNote.saved": ["Team note saved.", "Nota del equipo guardada."],
} as const satisfies Record<string, Pair>;

/** The district setting, on the administrator's settings page. */
export const helpSettingsTexts = {
  "help.dueDaysSetting": [
    "School days a case manager has to answer a help request",
    "Días escolares que tiene el administrador de caso para responder una solicitud de ayuda",
  ],
  "help.dueDaysHint": ["1 to 60 school days; 3 unless the district sets another.", "De 1 a 60 días escolares; 3 si el distrito no fija otro."],
} as const satisfies Record<string, Pair>;

export const helpTexts = { ...helpTriggerTexts, ...helpEmailTexts, ...helpPageTexts, ...helpSettingsTexts };
