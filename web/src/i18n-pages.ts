/** After a person whose email bounced or who marked Fidelio as spam (components/email-flag.tsx): registered by each area whose page shows the flag. */
export const emailFlagStrings = {
  emailUndeliverable: ["email undeliverable", "correo no entregable"],
  emailRefused: ["refuses our email (marked as spam)", "rechaza nuestro correo (marcado como spam)"],
} satisfies Record<string, readonly [string, string]>;

/** Words of the pages everyone sees (home, a student's record and IEP, grades and durations): English then Spanish; `{name}` marks a value filled in by `t`. */
export const pageStrings = {
  whatRecord: ["this student's record", "el expediente de este estudiante"],
  whatStudents: ["the list of students", "la lista de estudiantes"],
  whatChildren: ["your children's records", "los expedientes de sus hijos"],
  whatClasses: ["your classes", "sus clases"],
  whatSchools: ["the district's schools", "las escuelas del distrito"],
  whatAudit: ["the access log", "el registro de accesos"],
  whatSettings: ["the district settings", "la configuración del distrito"],
  showMore: ["Show more", "Mostrar más"],
  underAnHour: ["under an hour", "menos de una hora"],
  fixFields: ["Some fields need fixing. Each one says what is wrong.", "Hay campos que corregir. Cada uno indica el problema."],
  welcome: ["Hello, {name}", "Hola, {name}"],
  yourChild: ["Your child", "Su hijo o hija"],
  yourChildren: ["Your children", "Sus hijos"],
  parentIntro: [
    "See the supports in your child's IEP, who is on their team, and who has looked at their records.",
    "Vea los apoyos del IEP de su hijo o hija, quién forma parte de su equipo y quién ha consultado su expediente.",
  ],
  noChildren: [
    "No child is linked to your account yet. Ask your child's school to connect you.",
    "Todavía no hay ningún estudiante vinculado a su cuenta. Pida a la escuela que lo vincule.",
  ],
  grade: ["Grade {grade}", "Grado {grade}"],
  kindergarten: ["Kindergarten", "Kínder"],
  preKindergarten: ["Pre-kindergarten", "Prekínder"],
  openIep: ["IEP and team", "IEP y equipo"],
  whoViewedLink: ["Who viewed these records", "Quién consultó este expediente"],
  raiseConcern: ["Raise a concern", "Presentar una inquietud"],
  fidelityLink: ["Supports delivered, week by week", "Apoyos brindados, semana a semana"],
  editIep: ["New IEP version", "Nueva versión del IEP"],
  "relationship.guardian": ["Your child", "Su hijo o hija"],
  "relationship.teacher": ["You teach this student", "Usted le da clase"],
  "relationship.case_manager": ["On your caseload", "En su carga de casos"],
  "relationship.district": ["In your district", "En su distrito"],
  concernsAbout: ["Concerns", "Inquietudes"],
  concernsAboutIntro: [
    "If a support in this IEP is not happening, tell the school here.",
    "Si algún apoyo de este IEP no se está dando, dígaselo a la escuela aquí.",
  ],
  seeYourConcerns: ["See your concerns", "Ver sus inquietudes"],
  iepTitle: ["IEP snapshot", "Resumen del IEP"],
  iepVersion: ["Version {version}, in effect since {date}.", "Versión {version}, vigente desde el {date}."],
  noIep: ["No IEP is on file yet.", "Todavía no hay ningún IEP registrado."],
  accommodations: ["Accommodations", "Acomodaciones"],
  modifications: ["Modifications", "Modificaciones"],
  services: ["Services", "Servicios"],
  goals: ["Goals", "Metas"],
  noneListed: ["None listed.", "No hay nada registrado."],
  minutesPerWeek: ["{minutes} minutes a week", "{minutes} minutos por semana"],
  providedBy: ["Provided by: {provider}", "Lo brinda: {provider}"],
  yourClasses: ["Your classes with this student: {classes}.", "Sus clases con este estudiante: {classes}."],
  notInYourClasses: ["Not in your classes", "No se aplica en sus clases"],
  team: ["Team", "Equipo"],
  noTeam: ["No one is listed on the team yet.", "Todavía no hay nadie en el equipo."],
  ...emailFlagStrings,
  you: ["you", "usted"],
  backToStudent: ["Back to {name}", "Volver a {name}"],
  backToRecord: ["Back to the student record", "Volver al expediente del estudiante"],
} satisfies Record<string, readonly [string, string]>;

/**
 * A page or record that is not there or not the reader's, and a page their role does not open: the
 * `not-found` area, loaded with the content that shows them (pages/not-found.tsx), not with every page.
 */
export const notFoundStrings = {
  notFoundTitle: ["Not found", "No se encontró"],
  notFoundBody: ["This page or record does not exist, or it is not one you can see.", "Esta página o expediente no existe, o usted no tiene acceso a él."],
  goHome: ["Go to the home page", "Ir a la página de inicio"],
  notFoundNext: [
    "If you followed a link, it may be out of date. The person who sent it can check it.",
    "Si llegó aquí por un enlace, puede que esté desactualizado. La persona que se lo envió puede revisarlo.",
  ],
  forbiddenTitle: ["This page is not available to you", "Esta página no está disponible para usted"],
  forbiddenBody: [
    "Your Fidelio account does not include this page. For example, district settings are only for district administrators.",
    "Su cuenta de Fidelio no incluye esta página. Por ejemplo, la configuración del distrito es solo para los administradores del distrito.",
  ],
  forbiddenNext: [
    "If you think you need it, ask your district's Fidelio administrator.",
    "Si cree que la necesita, pídasela al administrador de Fidelio de su distrito.",
  ],
} satisfies Record<string, readonly [string, string]>;

/** Signing in with an emailed code: English then Spanish; `{name}` marks a value filled in by `t`. */
export const signInStrings = {
  signInTitle: ["Sign in to Fidelio", "Iniciar sesión en Fidelio"],
  signInIntro: [
    "We will email you a 6-digit code. You do not need a password.",
    "Le enviaremos un código de 6 dígitos por correo electrónico. No necesita contraseña.",
  ],
  emailLabel: ["Email address", "Correo electrónico"],
  sendCode: ["Email me a code", "Enviarme un código"],
  sending: ["Sending…", "Enviando…"],
  codeSent: [
    "If {email} has a Fidelio account, we just sent it a code. The code works for 10 minutes.",
    "Si {email} tiene una cuenta de Fidelio, le acabamos de enviar un código. El código sirve durante 10 minutos.",
  ],
  codeLabel: ["6-digit code", "Código de 6 dígitos"],
  codeHint: ["Look for an email from Fidelio. Check your spam folder too.", "Busque un correo de Fidelio. Revise también la carpeta de correo no deseado."],
  verify: ["Sign in", "Iniciar sesión"],
  checking: ["Checking…", "Verificando…"],
  resendCode: ["Send a new code", "Enviar un código nuevo"],
  otherEmail: ["Use a different email", "Usar otro correo"],
  errEmail: ["Enter a valid email address, like name@example.com.", "Escriba un correo electrónico válido, por ejemplo nombre@ejemplo.com."],
  errCodeFormat: ["Enter the 6 digits from the email.", "Escriba los 6 dígitos del correo."],
  errCodeInvalid: [
    "That code is not right or has expired. Check the latest email, or send a new code.",
    "Ese código no es correcto o ya venció. Revise el correo más reciente o pida un código nuevo.",
  ],
  errRateLimited: [
    "Too many tries in a short time. Wait a minute, then try again.",
    "Demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.",
  ],
  errCodeLocked: ["Too many wrong tries. Send a new code to try again.", "Demasiados intentos fallidos. Pida un código nuevo para intentarlo otra vez."],
} satisfies Record<string, readonly [string, string]>;

/** The access log (who viewed a student's records): English then Spanish; `{name}` marks a value filled in by `t`. */
export const accessLogStrings = {
  auditTitle: ["Who viewed {name}'s records", "Quién consultó el expediente de {name}"],
  auditTitlePlain: ["Who viewed these records", "Quién consultó este expediente"],
  auditIntro: [
    "Every time someone opens or changes these records, Fidelio writes it down here, newest first.",
    "Cada vez que alguien abre o modifica este expediente, Fidelio lo anota aquí, empezando por lo más reciente.",
  ],
  auditCaption: ["Access to these records", "Accesos a este expediente"],
  colWhen: ["When", "Cuándo"],
  colWho: ["Who", "Quién"],
  colWhat: ["What they did", "Qué hizo"],
  colWhy: ["Why they may see it", "Por qué tiene acceso"],
  noAudit: ["No one has viewed these records yet.", "Nadie ha consultado este expediente todavía."],
  auditFilters: ["Filter the log", "Filtrar el registro"],
  auditKind: ["What they did", "Qué hizo"],
  auditKindAll: ["Everything", "Todo"],
  auditKindOpened: ["Opened or changed the record", "Abrió o modificó el expediente"],
  auditKindListed: ["Saw the student in a list or a count", "Vio al estudiante en una lista o un conteo"],
  auditPerson: ["Who", "Quién"],
  auditPersonAll: ["Everyone", "Todos"],
  auditHideMine: ["Hide my own views", "Ocultar mis propias consultas"],
  auditNoMatch: ["No entries match these filters.", "Ninguna entrada coincide con estos filtros."],
  auditNoneYet: [
    "No matching entries among the most recent ones. Show older entries to keep looking.",
    "Ninguna coincidencia entre las entradas más recientes. Muestre las anteriores para seguir buscando.",
  ],
  showOlder: ["Show older entries", "Mostrar entradas anteriores"],
} satisfies Record<string, readonly [string, string]>;
