import type { Role, SystemReason } from "../actor";
import type { AuditAction } from "../audit/actions";
import type { AuditReason } from "../audit/reasons";
import type { Pair } from "./pair";
import { noticeAuditTexts } from "./catalog-notice";

/** Who people are, what the audit trail says they did and why they may: English, then Spanish. */
export const roleTexts: Record<`role.${Role}`, Pair> = {
  "role.district_admin": ["District administrator", "Administrador del distrito"],
  "role.director": ["Special education director", "Director de educación especial"],
  "role.case_manager": ["Case manager", "Administrador de caso"],
  "role.teacher": ["Teacher", "Maestro"],
  "role.parent": ["Parent or guardian", "Padre, madre o tutor"],
  "role.advocate": ["Advocate", "Defensor"],
};

export const actionTexts: Record<`action.${AuditAction}`, Pair> = {
  ...noticeAuditTexts,
  "action.student.list": ["Saw name, grade and school in a list", "Vio el nombre, el grado y la escuela en una lista"],
  "action.student.read": ["Opened the student record and IEP", "Abrió el expediente y el IEP"],
  "action.student.class-list": ["Saw the name and the accommodations for their class", "Vio el nombre y las acomodaciones para su clase"],
  "action.audit.read": ["Looked at this access log", "Consultó este registro de accesos"],
  "action.roster.import": ["Updated the record from the school roster", "Actualizó el expediente con la lista de la escuela"],
  "action.iep.write": ["Recorded a new IEP version", "Registró una nueva versión del IEP"],
  "action.iep.acknowledge": ["Acknowledged what the IEP asks of them", "Confirmó lo que el IEP le pide"],
  "action.iep.notice-read": ["Saw that a new IEP version changes what they provide", "Vio que una nueva versión del IEP cambia lo que brinda"],
  "action.fidelity.read": ["Looked at what was delivered, week by week", "Consultó lo que se brindó, semana a semana"],
  "action.patterns.report": ["Saw the student counted in the director's patterns", "Vio al estudiante contado en los patrones de la dirección"],
  "action.fidelity.report": ["Saw the student in the district's fidelity report", "Vio al estudiante en el informe de cumplimiento del distrito"],
  "action.fidelity.form-list": ["Saw the student in their weekly forms", "Vio al estudiante en sus formularios semanales"],
  "action.fidelity.form-read": ["Opened a weekly form", "Abrió un formulario semanal"],
  "action.fidelity.form-save": ["Saved a weekly form", "Guardó un formulario semanal"],
  "action.fidelity.form-submit": ["Submitted a weekly form", "Envió un formulario semanal"],
  "action.fidelity.form-correct": ["Corrected a submitted weekly form", "Corrigió un formulario semanal enviado"],
  "action.fidelity.form-amend": [
    "Moved a draft weekly form to the IEP version in effect",
    "Pasó un formulario semanal en borrador a la versión del IEP vigente",
  ],
  "action.fidelity.reminder": ["Reminded staff of a weekly fidelity form still open", "Recordó al personal un formulario semanal de cumplimiento pendiente"],
  "action.concern.file": ["Raised a concern", "Presentó una inquietud"],
  "action.concern.read": ["Opened a concern", "Abrió una inquietud"],
  "action.concern.list": ["Saw a concern in a list", "Vio una inquietud en una lista"],
  "action.concern.packet": ["Opened a concern's evidence packet", "Abrió el expediente de pruebas de una inquietud"],
  "action.concern.assign": ["Assigned a concern", "Asignó una inquietud"],
  "action.concern.deadline": ["Moved a concern on when its deadline passed", "Avanzó una inquietud al vencer su plazo"],
  "action.concern.workflow-failed": ["Recorded a problem moving a concern on", "Registró un problema al avanzar una inquietud"],
  "action.concern.resolve": ["Resolved a concern", "Resolvió una inquietud"],
  "action.concern.escalate": ["Escalated a concern", "Escaló una inquietud"],
  "action.concern.request_info": ["Asked the family a question about a concern", "Hizo una pregunta a la familia sobre una inquietud"],
  "action.concern.provide_info": ["Answered a question about a concern", "Respondió una pregunta sobre una inquietud"],
  "action.concern.confirm": ["Confirmed a concern's fix", "Confirmó la solución de una inquietud"],
  "action.concern.dispute": ["Disputed a concern's fix", "Rechazó la solución de una inquietud"],
  "action.concern.withdraw": ["Withdrew a concern", "Retiró una inquietud"],
  "action.concern.record_outcome": ["Recorded a concern's outcome", "Registró el resultado de una inquietud"],
  "action.records.request": ["Asked for the student's education records", "Pidió los expedientes educativos del estudiante"],
  "action.records.list": ["Saw a records request in a list", "Vio una solicitud de expedientes en una lista"],
  "action.records.release": ["Released the student's records to the family", "Entregó los expedientes del estudiante a la familia"],
  "action.records.download": ["Downloaded the student's records", "Descargó los expedientes del estudiante"],
  "action.help.list": ["Saw help requests about the student's supports", "Vio solicitudes de ayuda sobre los apoyos del estudiante"],
  "action.help.open": ["Asked the case manager for help with a support", "Pidió ayuda al administrador de caso con un apoyo"],
  "action.help.comment": ["Commented on a help request", "Comentó una solicitud de ayuda"],
  "action.help.resolve": ["Answered a help request", "Respondió una solicitud de ayuda"],
  "action.team-note.read": ["Read the team note on a week", "Leyó la nota del equipo de una semana"],
  "action.team-note.save": ["Saved the team note on a week", "Guardó la nota del equipo de una semana"],
  "action.compensatory.plan": ["Recorded a plan for make-up service minutes", "Registró un plan de minutos de servicio de recuperación"],
  "action.compensatory.read": ["Looked at the make-up minutes planned and given", "Consultó los minutos de recuperación planeados y brindados"],
  "action.compensatory.list": ["Saw an overdue make-up plan in a list", "Vio un plan de recuperación vencido en una lista"],
  "action.concern.record_state_complaint": ["Recorded that a state complaint was filed", "Registró que se presentó una queja estatal"],
};

export const reasonTexts: Record<`reason.${AuditReason}`, Pair> = {
  "reason.guardian": ["Parent or guardian of the student", "Padre, madre o tutor del estudiante"],
  "reason.teacher": ["Teacher on the student's team at school", "Maestro del equipo escolar del estudiante"],
  "reason.case_manager": ["Case manager for the student", "Administrador de caso del estudiante"],
  "reason.director": ["Special education director of the district", "Director de educación especial del distrito"],
  "reason.district_admin": ["District administrator", "Administrador del distrito"],
  "reason.district_list": ["Works for the district and may see every student", "Trabaja para el distrito y puede ver a todos los estudiantes"],
  "reason.roster_import": ["Roster import by the district administrator", "Importación de listas por el administrador del distrito"],
  "reason.assigned_concern": ["Has been assigned the family's concern", "Tiene o tuvo asignada la inquietud de la familia"],
  "reason.deadline_passed": ["The deadline passed", "Venció el plazo"],
  "reason.no_reply": ["No reply came in time", "No hubo respuesta a tiempo"],
  "reason.workflow": ["The escalation workflow", "El proceso de escalamiento"],
  "reason.schedule": ["A scheduled job", "Una tarea programada"],
  "reason.seed": ["Demo data", "Datos de demostración"],
  "reason.email_feedback": ["The mail service reported the address undeliverable", "El servicio de correo informó que la dirección no recibe correo"],
};

/** Why Fidelio itself acted, shown as "Fidelio (…)". */
export const systemTexts: Record<`system.${SystemReason}`, Pair> = {
  "system.deadline_passed": ["deadline passed", "venció el plazo"],
  "system.no_reply": ["no reply in time", "no hubo respuesta a tiempo"],
  "system.workflow": ["escalation workflow", "proceso de escalamiento"],
  "system.schedule": ["scheduled job", "tarea programada"],
  "system.roster_import": ["roster import", "importación de listas"],
  "system.seed": ["demo data", "datos de demostración"],
  "system.email_feedback": ["mail service report", "informe del servicio de correo"],
};
