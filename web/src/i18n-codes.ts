type Pair = readonly [string, string];
export const prefixed = <P extends string, K extends string>(prefix: P, table: Record<K, Pair>) =>
  Object.fromEntries(Object.entries(table).map(([code, pair]) => [`${prefix}.${code}`, pair])) as Record<`${P}.${K}`, Pair>;

/**
 * Why a field was refused, by the problem code the API sends (packages/core/src/problem) and the
 * web's own checks share. `{min}`, `{max}` are the problem's params.
 */
const problemStrings = {
  required: ["Required", "Obligatorio"],
  too_short: ["At least {min} characters", "Al menos {min} caracteres"],
  too_long: ["At most {max} characters", "Como máximo {max} caracteres"],
  too_small: ["At least {min}", "Como mínimo {min}"],
  too_large: ["At most {max}", "Como máximo {max}"],
  out_of_range: ["A whole number from {min} to {max}", "Un número entero del {min} al {max}"],
  not_whole_number: ["A whole number, without decimals", "Un número entero, sin decimales"],
  invalid_email: ["Enter a valid email address, like name@example.com.", "Escriba un correo electrónico válido, por ejemplo nombre@ejemplo.com."],
  invalid_date: ["Enter a real date", "Escriba una fecha real"],
  invalid_format: ["Not in the expected format", "No tiene el formato esperado"],
  invalid_choice: ["Choose one of the options", "Elija una de las opciones"],
  invalid_type: ["Not the expected kind of value", "No es el tipo de valor esperado"],
  invalid_time_zone: ["A time zone such as America/Chicago", "Una zona horaria como America/Chicago"],
  closure_ends_before_start: ["The closure ends before it starts", "El día sin clases termina antes de empezar"],
  year_ends_before_start: ["The last day must be after the first day", "El último día debe ser posterior al primero"],
  closure_outside_year: ["Every closure must fall within the school year", "Cada día sin clases debe estar dentro del año escolar"],
  invalid: ["Check this value", "Revise este valor"],
} satisfies Record<string, Pair>;

/** What went wrong, by the `error` code of an API answer, so nobody reads the server's English. */
const errorStrings = {
  invalid: ["Some fields need fixing.", "Hay campos que corregir."],
  unauthenticated: ["Your session ended. Sign in again to continue.", "Su sesión terminó. Inicie sesión de nuevo para continuar."],
  invalid_code: [
    "That code is not right or has expired. Check the latest email, or send a new code.",
    "Ese código no es correcto o ya venció. Revise el correo más reciente o pida un código nuevo.",
  ],
  code_locked: ["Too many wrong tries. Send a new code to try again.", "Demasiados intentos fallidos. Pida un código nuevo para intentarlo otra vez."],
  rate_limited: [
    "Too many tries in a short time. Wait a minute, then try again.",
    "Demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.",
  ],
  invalid_cursor: [
    "This page link is no longer valid. Start again from the first page.",
    "Este enlace de página ya no es válido. Vuelva a empezar desde la primera página.",
  ],
  forbidden: ["Your role does not allow this.", "Su función no le permite hacer esto."],
  not_found: ["This record does not exist, or it is not one you can see.", "Este expediente no existe, o usted no tiene acceso a él."],
  conflict: [
    "Someone else changed this in the meantime. Reload and try again.",
    "Otra persona cambió esto mientras tanto. Vuelva a cargar e inténtelo de nuevo.",
  ],
  idempotency_key_reused: [
    "This concern was already sent with different details. Reload the page to see what was filed, then send any changes as a new concern.",
    "Esta inquietud ya se envió con otros datos. Vuelva a cargar la página para ver lo que se presentó y envíe los cambios como una inquietud nueva.",
  ],
  unsupported_media_type: [
    "Fidelio could not read what was sent. Reload the page and try again.",
    "Fidelio no pudo leer lo que se envió. Vuelva a cargar la página e inténtelo de nuevo.",
  ],
  cross_site: ["This request came from another site and was refused.", "Esta solicitud vino de otro sitio y fue rechazada."],
  too_large: [
    "What you sent is too large for Fidelio (roster uploads: at most 20 MB).",
    "Lo que envió es demasiado grande para Fidelio (listas: como máximo 20 MB).",
  ],
  roster_too_large: [
    "The roster is too large. Split it, or remove files Fidelio does not read.",
    "La lista es demasiado grande. Divídala o quite los archivos que Fidelio no lee.",
  ],
  invalid_upload: ["Choose the roster files again and upload them.", "Vuelva a elegir los archivos de la lista y súbalos."],
  invalid_roster: ["Nothing was imported: some rows need fixing.", "No se importó nada: hay filas que corregir."],
  import_running: [
    "Another roster import is running. Wait for it to finish, then upload again.",
    "Hay otra importación de listas en curso. Espere a que termine y vuelva a subir los archivos.",
  ],
  internal: [
    "Something went wrong on our side. Nothing was changed; please try again.",
    "Algo salió mal de nuestro lado. No se cambió nada; inténtelo de nuevo.",
  ],
  network: ["We could not reach Fidelio. Check your connection and try again.", "No pudimos conectar con Fidelio. Revise su conexión e inténtelo de nuevo."],
} satisfies Record<string, Pair>;

/**
 * Codes the API sends that only the web words (problems, errors), English then Spanish, loaded with the
 * first error (api.ts `errorWords`). Roles, audit actions and reasons, concern states and timeline words
 * come from the one catalog in packages/core/src/messages, registered by web/src/strings.
 */
export const codeStrings = {
  ...prefixed("problem", problemStrings),
  ...prefixed("error", errorStrings),
} satisfies Record<string, readonly [string, string]>;

/** Who a team member is, as rosters name them: a guardian's relationship and IEP service providers (the `people` area). */
export const providerStrings = {
  // A team member's relationship: a guardian is a parent (the catalog's `role.parent`).
  "role.guardian": ["Parent or guardian", "Padre, madre o tutor"],

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
