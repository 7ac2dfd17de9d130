import type { ConcernOutcome, ConcernStatus, EscalationLevel, EventType, NoteCode } from "../concern/schema";
import type { Pair } from "./pair";
import { noticeEventTexts } from "./catalog-notice";

/** Where a concern is, what happened on its timeline and why: English, then Spanish. */
export const levelTexts: Record<`level.${EscalationLevel}` | `levelName.${EscalationLevel}`, Pair> = {
  "level.teacher": ["With the teacher", "Con el maestro"],
  "level.case_manager": ["With the case manager", "Con el administrador de caso"],
  "level.director": ["With the special education director", "Con el director de educación especial"],
  "level.advocate": ["With the advocate", "Con el defensor"],
  "levelName.teacher": ["Teacher", "Maestro"],
  "levelName.case_manager": ["Case manager", "Administrador de caso"],
  "levelName.director": ["Special education director", "Director de educación especial"],
  "levelName.advocate": ["Advocate", "Defensor"],
};

export const statusTexts: Record<`status.${ConcernStatus}` | `outcome.${ConcernOutcome}`, Pair> = {
  "status.open": ["Being worked on", "En revisión"],
  "status.awaiting_info": ["Waiting for the family's answer", "Esperando la respuesta de la familia"],
  "status.awaiting_confirmation": ["Waiting for the family to confirm the fix", "Esperando que la familia confirme la solución"],
  "status.with_advocate": ["Handed to the advocate", "Entregada al defensor"],
  "status.closed": ["Closed", "Cerrada"],
  "outcome.resolved": ["Closed: resolved, and the family confirmed it", "Cerrada: resuelta y confirmada por la familia"],
  "outcome.resolved_unconfirmed": ["Closed: resolved; the family did not confirm in time", "Cerrada: resuelta; la familia no confirmó a tiempo"],
  "outcome.withdrawn": ["Closed: withdrawn by the family", "Cerrada: retirada por la familia"],
  "outcome.no_reply": ["Closed: the question had no answer in time", "Cerrada: la pregunta no tuvo respuesta a tiempo"],
  "outcome.advocate_outcome": ["Closed by the advocate", "Cerrada por el defensor"],
};

export const eventTexts: Record<`event.${EventType}` | "event.assignedNoDue" | "event.assignedNobody" | "event.stateComplaintFiledOn", Pair> = {
  ...noticeEventTexts,
  "event.filed": ["Concern raised", "Inquietud presentada"],
  "event.assigned": ["Assigned to {name} ({level}), answer due {due}", "Asignada a {name} ({level}), respuesta antes del {due}"],
  "event.assignedNoDue": ["Assigned to {name} ({level})", "Asignada a {name} ({level})"],
  "event.assignedNobody": ["Waiting for someone at this level ({level})", "Esperando a alguien en este nivel ({level})"],
  "event.deadline_passed": ["The deadline passed", "Venció el plazo"],
  "event.resolved": ["Resolved; the family is asked to confirm", "Resuelta; se pide a la familia que confirme"],
  "event.escalated": ["Escalated to the next level", "Escalada al siguiente nivel"],
  "event.info_requested": ["Asked the family a question", "Se hizo una pregunta a la familia"],
  "event.info_provided": ["The family answered", "La familia respondió"],
  "event.confirmed": ["The family confirmed the fix", "La familia confirmó la solución"],
  "event.disputed": ["The family said it is not fixed", "La familia dijo que no está solucionado"],
  "event.withdrawn": ["The family withdrew the concern", "La familia retiró la inquietud"],
  "event.outcome_recorded": ["The advocate recorded the outcome", "El defensor registró el resultado"],
  "event.state_complaint_recorded": ["A state complaint was filed", "Se presentó una queja estatal"],
  "event.stateComplaintFiledOn": ["A state complaint was filed on {date}", "Se presentó una queja estatal el {date}"],
  "event.email_undelivered": ["An email could not be delivered", "No se pudo entregar un correo"],
  "event.workflow_failed": [
    "Fidelio had a problem moving the concern on; the district administrator was told",
    "Fidelio tuvo un problema al avanzar la inquietud; se avisó al administrador del distrito",
  ],
};

export const noteTexts: Record<`note.${NoteCode}`, Pair> = {
  "note.no_class": [
    "No class was named, so the concern starts with the case manager.",
    "No se indicó una clase, así que la inquietud empieza con el administrador de caso.",
  ],
  "note.class_without_teacher": [
    "The class has no teacher on file, so the concern starts with the case manager.",
    "La clase no tiene maestro registrado, así que la inquietud empieza con el administrador de caso.",
  ],
  "note.no_case_manager": [
    "The student has no case manager on file, so the concern goes to the director.",
    "El estudiante no tiene administrador de caso registrado, así que la inquietud va al director de educación especial.",
  ],
  "note.no_director": [
    "The district has no special education director on file, so the concern goes to the advocate.",
    "El distrito no tiene director de educación especial registrado, así que la inquietud va al defensor.",
  ],
  "note.no_advocate": [
    "No advocate is named yet: add one to hand the concern over.",
    "Todavía no se ha nombrado un defensor: agregue uno para entregarle la inquietud.",
  ],
  "note.no_confirmation": ["No confirmation came within the time allowed.", "No llegó la confirmación en el tiempo previsto."],
  "note.no_answer": ["The question had no answer within the time allowed.", "La pregunta no tuvo respuesta en el tiempo previsto."],
  "note.email_undelivered": ["An email to {name} could not be delivered.", "No se pudo entregar un correo a {name}."],
  "note.email_undelivered_parent": ["An email to {name} (parent) could not be delivered.", "No se pudo entregar un correo a {name} (padre, madre o tutor)."],
};

/**
 * Notes stored before they were codes hold the English sentence of the time (several joined by a
 * space); each known sentence reads back as its code. Append here, never edit: stored events hold these exact strings.
 */
export const legacyNotes: Record<string, NoteCode> = {
  "No class was named, so the concern starts with the case manager.": "no_class",
  "The class has no teacher on file, so the concern starts with the case manager.": "class_without_teacher",
  "The student has no case manager on file, so the concern goes to the director.": "no_case_manager",
  "The district has no special-education director on file, so the concern goes to the advocate.": "no_director",
  "No advocate is named yet: add one to hand the concern over.": "no_advocate",
  "No confirmation came within the time allowed.": "no_confirmation",
  "The question had no answer within the time allowed.": "no_answer",
};
