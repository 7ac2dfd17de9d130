import type { Pair } from "./pair";

/**
 * Every email's words, English then Spanish; each email is written in its reader's stored language
 * (packages/core/src/email/compose.ts). A new email adds its `email.<kind>.*` entries here.
 */
export const emailTexts = {
  "email.hello": ["Hello {name},", "Hola, {name}:"],
  "email.link": ["Open it in Fidelio: {link}", "Ábralo en Fidelio: {link}"],

  // Sign-in code: sent before Fidelio knows who asks, so in both languages at once.
  "email.code.subject": ["Fidelio sign-in code: {code}", "Código para entrar a Fidelio: {code}"],
  "email.code.body": [
    "Your Fidelio sign-in code is {code}. It works once, for 10 minutes.",
    "Su código para entrar a Fidelio es {code}. Sirve una sola vez, durante 10 minutos.",
  ],
  "email.code.ignore": ["If you did not ask for it, ignore this email.", "Si no lo pidió, ignore este correo."],

  // A concern's recap: the timeline's new events, what the reader is asked to do, the link.
  "email.concern.subject": ["Concern about {student}", "Inquietud sobre {student}"],
  "email.concern.about": ["Concern {label}, about {student}", "Inquietud {label}, sobre {student}"],
  "email.concern.words": ["In their words: {text}", "En sus palabras: {text}"],
  "email.concern.askConfirm": [
    "The school says it is fixed. Please confirm or dispute it by {due}.",
    "La escuela dice que está solucionado. Por favor, confírmelo o dispútelo antes del {due}.",
  ],
  "email.concern.askAnswer": [
    "The school asked you a question. Please answer it by {due}.",
    "La escuela le hizo una pregunta. Por favor, contéstela antes del {due}.",
  ],
  "email.concern.yourDeadline": ["Your answer is due {due}.", "Su respuesta vence el {due}."],
  "email.concern.closed": ["The concern is closed.", "La inquietud está cerrada."],
  "email.concern.link": ["Open the concern: {link}", "Abrir la inquietud: {link}"],

  // An IEP amendment, to each team member whose duties it changes (iep/amendment-emails.ts); the changes are `iep.change.*` lines.
  "email.iep.subject": ["IEP changed for {student}: what changes for you", "Cambió el IEP de {student}: lo que cambia para usted"],
  "email.iep.intro": [
    "{student}'s IEP has a new version ({version}), in effect from {from}. What changes for you:",
    "El IEP de {student} tiene una versión nueva ({version}), vigente desde el {from}. Lo que cambia para usted:",
  ],
  "email.iep.link": ["Please read it and confirm in Fidelio that you will provide it: {link}", "Léalo y confirme en Fidelio que lo brindará: {link}"],

  // Weekly fidelity reminders.
  "email.reminder.teacher.subject": ["Fidelity forms still open: week of {monday}", "Formularios de cumplimiento pendientes: semana del {monday}"],
  "email.reminder.teacher.body": [
    "Your weekly fidelity forms for the week of {monday} are still open for: {students}.",
    "Sus formularios semanales de cumplimiento de la semana del {monday} siguen pendientes para: {students}.",
  ],
  "email.reminder.teacher.link": ["They take about a minute each: {link}", "Cada uno toma alrededor de un minuto: {link}"],
  "email.reminder.caseManager.subject": [
    "Fidelity forms missed two weeks in a row: week of {monday}",
    "Formularios de cumplimiento sin enviar dos semanas seguidas: semana del {monday}",
  ],
  "email.reminder.caseManager.body": [
    "These weekly fidelity forms were not submitted for two weeks in a row (up to the week of {monday}):",
    "Estos formularios semanales de cumplimiento no se enviaron dos semanas seguidas (hasta la semana del {monday}):",
  ],
  "email.reminder.caseManager.lapse": ["{student}: {staff}", "{student}: {staff}"],
  "email.reminder.caseManager.link": ["Fidelity for your caseload: {link}", "Cumplimiento de su lista de casos: {link}"],
} as const satisfies Record<`email.${string}`, Pair>;
