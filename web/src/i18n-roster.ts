import type { ProblemCode } from "@fidelio/core/roster/problems";

/**
 * Roster problems by code (see packages/core/src/roster/problems.ts), English then Spanish; `{name}`
 * is a parameter the API sends with the code. Every code has an entry: the type says so.
 */
export const rosterProblemStrings: Record<ProblemCode, readonly [string, string]> = {
  missing_file: ["This file is missing.", "Falta este archivo."],
  unknown_file: [
    "Fidelio does not read a file with this name (see the format guide for the names).",
    "Fidelio no lee un archivo con este nombre (vea los nombres en la guía de formato).",
  ],
  duplicate_file: ["This file was uploaded more than once.", "Este archivo se subió más de una vez."],
  bad_zip: ["This ZIP file cannot be opened.", "No se puede abrir este archivo ZIP."],
  not_utf8: ["The file is not UTF-8 text. Export it again as CSV UTF-8.", "El archivo no es texto UTF-8. Expórtelo otra vez como CSV UTF-8."],
  empty_file: ["The file is empty; it needs a header row.", "El archivo está vacío; necesita una fila de encabezados."],
  not_a_roster_file: [
    "Not a CSV or ZIP file: export the roster from your SIS as OneRoster CSV.",
    "No es un archivo CSV ni ZIP: exporte las listas de su SIS como CSV de OneRoster.",
  ],
  version_file: [
    "Not part of OneRoster {version}, the version manifest.csv declares (without manifest.csv, 1.1).",
    "No forma parte de OneRoster {version}, la versión que declara manifest.csv (sin manifest.csv, 1.1).",
  ],
  unsupported_version: ["Fidelio reads OneRoster 1.1 and 1.2; manifest.csv says {version}.", "Fidelio lee OneRoster 1.1 y 1.2; manifest.csv indica {version}."],
  missing_column: ["This column is missing from the header row.", "Falta esta columna en la fila de encabezados."],
  bad_quote: ["A quoted value opens here and is not closed properly ({detail}).", "Aquí se abren comillas que no se cierran bien ({detail})."],
  field_count: ["Expected {expected} values as in the header, found {found}.", "Se esperaban {expected} valores como en el encabezado; hay {found}."],
  required: ["Required.", "Obligatorio."],
  one_of: ["Use one of: {values}.", "Use uno de estos valores: {values}."],
  too_long: ["At most {max} characters.", "Como máximo {max} caracteres."],
  control_characters: [
    "A line break or other control character in a name: this row is not imported. Fix the name and import again.",
    "Un salto de línea u otro carácter de control en un nombre: esta fila no se importa. Corrija el nombre e importe de nuevo.",
  ],
  name_too_long: [
    "The first and last name together are too long (at most {max} characters).",
    "El nombre y el apellido juntos son demasiado largos (como máximo {max} caracteres).",
  ],
  bad_date: ["Write the date as YYYY-MM-DD.", "Escriba la fecha como AAAA-MM-DD."],
  minutes_format: ["Whole minutes per week, for example 60.", "Minutos enteros por semana, por ejemplo 60."],
  required_for_service: ["Required for a service.", "Obligatorio para un servicio."],
  required_for_goal: ["Required for a goal.", "Obligatorio para una meta."],
  invalid_value: ["{message}", "{message}"],
  duplicate_id: ["The sourcedId {sourcedId} appears more than once.", "El sourcedId {sourcedId} aparece más de una vez."],
  unknown_reference: ["No record has the sourcedId {sourcedId}.", "Ningún registro tiene el sourcedId {sourcedId}."],
  not_a_school: ["{sourcedId} is not a school.", "{sourcedId} no es una escuela."],
  not_a_student: ["{sourcedId} is not a student.", "{sourcedId} no es un estudiante."],
  not_a_guardian: ["{sourcedId} is not a guardian, parent or relative.", "{sourcedId} no es tutor, padre, madre ni familiar."],
  role_mismatch: [
    "The enrollment role {role} does not match the user's role {userRole}.",
    "La función de inscripción {role} no coincide con la función del usuario {userRole}.",
  ],
  student_needs_school: ["A student needs a school among their organizations.", "Un estudiante necesita una escuela entre sus organizaciones."],
  student_role_forbidden: ["A student cannot hold a Fidelio role.", "Un estudiante no puede tener una función en Fidelio."],
  no_case_manager_role: ["{sourcedId} has no case_manager role in fidelio_roles.csv.", "{sourcedId} no tiene la función case_manager en fidelio_roles.csv."],
  two_primary_roles: ["{sourcedId} already has a primary role, on line {line}.", "{sourcedId} ya tiene una función principal, en la línea {line}."],
  no_primary_role: ["{sourcedId} has no primary role in roles.csv.", "{sourcedId} no tiene una función principal en roles.csv."],
  class_limit_not_accommodation: ["Only accommodations can be limited to classes.", "Solo las acomodaciones se pueden limitar a clases."],
  duplicate_item: [
    "The itemId {itemId} appears twice for student {studentSourcedId}.",
    "El itemId {itemId} aparece dos veces para el estudiante {studentSourcedId}.",
  ],
  effective_from_differs: [
    "Every row of a student needs the same effectiveFrom ({effectiveFrom} on line {line}).",
    "Todas las filas de un estudiante necesitan el mismo effectiveFrom ({effectiveFrom} en la línea {line}).",
  ],
  email_required: ["Required: staff and guardians sign in with their email.", "Obligatorio: el personal y los tutores inician sesión con su correo."],
  email_invalid: ["Not a valid email address.", "No es un correo electrónico válido."],
  email_shared: [
    "{email} is also the email of {sourcedId}; each person needs their own.",
    "{email} también es el correo de {sourcedId}; cada persona necesita el suyo.",
  ],
  email_taken: ["{email} already belongs to another Fidelio account.", "{email} ya pertenece a otra cuenta de Fidelio."],
  bad_file_mode: [
    "manifest.csv says file.{file} is {mode}; use bulk, delta or absent.",
    "manifest.csv indica que file.{file} es {mode}; use bulk, delta o absent.",
  ],
  absent_but_sent: ["manifest.csv marks this file absent, but it was uploaded.", "manifest.csv indica que este archivo no se envía (absent), pero se subió."],
  enrollment_role_skipped: [
    "The enrollment role {role} does not match the user's role {userRole}; this enrollment is skipped.",
    "La función de inscripción {role} no coincide con la función del usuario {userRole}; se omite esta inscripción.",
  ],
  guardian_link_skipped: [
    "{sourcedId} is not a guardian, parent or relative; this link is skipped.",
    "{sourcedId} no es tutor, padre, madre ni familiar; se omite este vínculo.",
  ],
  student_link_skipped: ["{sourcedId} is not a student; this link is skipped.", "{sourcedId} no es un estudiante; se omite este vínculo."],
  school_from_enrollment: [
    "No school among the student's organizations; the school {sourcedId} of their enrollments is used.",
    "No hay escuela entre las organizaciones del estudiante; se usa la escuela {sourcedId} de sus inscripciones.",
  ],
  not_in_upload: [
    "{sourcedId} is not in this upload (its file is a delta); this row is skipped.",
    "{sourcedId} no está en estos archivos (su archivo es delta); se omite esta fila.",
  ],
  no_email_not_imported: [
    "No email: this person cannot sign in and is not imported until the roster gives an email.",
    "Sin correo: esta persona no puede iniciar sesión y no se importa hasta que las listas den un correo.",
  ],
  no_email_cannot_sign_in: [
    "No email: {name} is imported, and is unable to sign in until an email arrives.",
    "Sin correo: {name} se importa, pero no podrá iniciar sesión hasta que llegue un correo.",
  ],
};

/** Words that travel as parameters of a problem (`detail`), translated too. */
export const rosterDetailStrings: Record<string, readonly [string, string]> = {
  "never closed": ["never closed", "nunca se cierran"],
  "text after the closing quote": ["text after the closing quote", "hay texto después de las comillas de cierre"],
};
