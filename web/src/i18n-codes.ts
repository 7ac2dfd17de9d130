import { auditReasons } from "@fidelio/core/audit/reasons";

/**
 * Codes the API sends (roles, audit actions and reasons, IEP provider roles), English then Spanish;
 * looked up by `tCode`, which shows the code itself when it is not listed here.
 */
export const codeStrings = {
  "role.district_admin": ["District administrator", "Administrador del distrito"],
  "role.director": ["Special education director", "Director de educación especial"],
  "role.case_manager": ["Case manager", "Administrador de caso"],
  "role.teacher": ["Teacher", "Docente"],
  "role.parent": ["Parent or guardian", "Padre, madre o tutor"],
  "role.guardian": ["Parent or guardian", "Padre, madre o tutor"],
  "role.advocate": ["Advocate", "Defensor"],

  "action.student.list": ["Saw name, grade and school in a list", "Vio el nombre, el grado y la escuela en una lista"],
  "action.student.read": ["Opened the student record and IEP", "Abrió el expediente y el IEP"],
  "action.student.class-list": ["Saw the name and the accommodations for their class", "Vio el nombre y las acomodaciones para su clase"],
  "action.audit.read": ["Looked at this access log", "Consultó este registro de accesos"],
  "action.roster.import": ["Updated the record from the school roster", "Actualizó el expediente con la lista de la escuela"],

  [`reason.${auditReasons.guardian}`]: ["Parent or guardian of the student", "Padre, madre o tutor del estudiante"],
  [`reason.${auditReasons.teacher}`]: ["Teacher on the student's team at school", "Docente del equipo escolar del estudiante"],
  [`reason.${auditReasons.case_manager}`]: ["Case manager for the student", "Administrador de caso del estudiante"],
  [`reason.${auditReasons.director}`]: ["Special education director of the district", "Director de educación especial del distrito"],
  [`reason.${auditReasons.district_admin}`]: ["District administrator", "Administrador del distrito"],
  [`reason.${auditReasons.rosterImport}`]: ["Roster import by the district administrator", "Importación de listas por el administrador del distrito"],
  [`reason.${auditReasons.districtList}`]: ["Works for the district and may see every student", "Trabaja para el distrito y puede ver a todos los estudiantes"],

  // Why Fidelio itself acted (packages/core/src/actor: systemReasons), shown as "Fidelio (…)".
  "system.deadline_passed": ["deadline passed", "venció el plazo"],
  "system.no_reply": ["no reply in time", "no hubo respuesta a tiempo"],
  "system.workflow": ["escalation workflow", "proceso de escalamiento"],
  "system.schedule": ["scheduled job", "tarea programada"],
  "system.roster_import": ["roster import", "importación de listas"],
  "system.seed": ["demo data", "datos de demostración"],

  // Messages of the district settings schema (packages/core/src/district/schema.ts).
  "message.Name the closure": ["Name the closure", "Escriba el nombre del día sin clases"],
  "message.The closure ends before it starts": ["The closure ends before it starts", "El día sin clases termina antes de empezar"],
  "message.The last day must be after the first day": ["The last day must be after the first day", "El último día debe ser posterior al primero"],
  "message.Every closure must fall within the school year": ["Every closure must fall within the school year", "Cada día sin clases debe estar dentro del año escolar"],
  "message.Zero or more": ["Zero or more", "Cero o más"],
  "message.At most 10 school days": ["At most 10 school days", "Como máximo 10 días de clase"],

  // Service providers, as rosters usually name them.
  "provider.Special education teacher": ["Special education teacher", "Maestro de educación especial"],
  "provider.General education teacher": ["General education teacher", "Maestro de educación general"],
  "provider.Speech-language pathologist": ["Speech-language pathologist", "Terapeuta del habla y lenguaje"],
  "provider.Occupational therapist": ["Occupational therapist", "Terapeuta ocupacional"],
  "provider.Physical therapist": ["Physical therapist", "Fisioterapeuta"],
  "provider.School psychologist": ["School psychologist", "Psicólogo escolar"],
  "provider.School counselor": ["School counselor", "Consejero escolar"],
  "provider.School social worker": ["School social worker", "Trabajador social escolar"],
  "provider.Paraprofessional": ["Paraprofessional", "Asistente educativo"],
} satisfies Record<string, readonly [string, string]>;
