import type { Pair } from "./pair";

/**
 * Make-up (compensatory) minutes (packages/core/src/fidelity/compensatory.ts): the child's page, the
 * case manager's plan form, the weekly form's make-up sessions, the director's board and the state
 * complaint's resolution section. English then Spanish.
 */
export const compensatoryTexts = {
  makeUpTitle: ["Make-up minutes", "Minutos de recuperación"],
  makeUpIntro: [
    "When service minutes are owed, the school plans how to make them up. Each plan shows what has been given and what remains.",
    "Cuando se deben minutos de servicio, la escuela planea cómo recuperarlos. Cada plan muestra lo que se ha brindado y lo que falta.",
  ],
  makeUpNone: ["No make-up plan yet.", "Todavía no hay un plan de recuperación."],
  makeUpPlanLine: [
    "{service}: {minutes} make-up minutes by {date}, with {provider}",
    "{service}: {minutes} minutos de recuperación a más tardar el {date}, con {provider}",
  ],
  makeUpProgress: ["{delivered} given, {remaining} remaining", "{delivered} brindados, {remaining} pendientes"],
  makeUpOverdue: ["Past its due date with minutes left.", "Venció con minutos pendientes."],
  makeUpDone: ["All make-up minutes given.", "Se brindaron todos los minutos de recuperación."],
  makeUpHow: ["How", "Cómo"],
  makeUpOwed: ["{service}: {owed} minutes owed, {available} not yet in a plan", "{service}: se deben {owed} minutos, {available} aún sin plan"],
  makeUpNewTitle: ["Plan make-up minutes", "Planear minutos de recuperación"],
  makeUpService: ["Service", "Servicio"],
  makeUpMinutes: ["Minutes to make up", "Minutos por recuperar"],
  makeUpPlan: ["How they will be made up", "Cómo se recuperarán"],
  makeUpProvider: ["Who gives the sessions", "Quién da las sesiones"],
  makeUpDueOn: ["Due by", "Fecha límite"],
  makeUpSave: ["Save the plan", "Guardar el plan"],
  makeUpSaved: ["Plan saved.", "Plan guardado."],
  makeUpNothingOwed: ["No minutes are owed that are not already in a plan.", "No se deben minutos que no estén ya en un plan."],
  makeUpSessions: ["Make-up sessions", "Sesiones de recuperación"],
  makeUpSessionPlan: ["Plan", "Plan"],
  makeUpAddSession: ["Add a make-up session", "Agregar una sesión de recuperación"],
  makeUpRemoveSession: ["Remove this make-up session", "Quitar esta sesión de recuperación"],
  makeUpSessionsHint: [
    "Minutes given against a make-up plan: they pay what is owed, not this week's minutes.",
    "Minutos brindados según un plan de recuperación: pagan lo que se debe, no los minutos de esta semana.",
  ],
  makeUpNoSessions: ["No make-up session", "Ninguna sesión de recuperación"],
  makeUpPlanOption: ["{minutes} minutes by {date}: {plan}", "{minutes} minutos a más tardar el {date}: {plan}"],
  makeUpSessionRow: ["Make-up session {n}", "Sesión de recuperación {n}"],
  "problem.more_than_planned": ["At most {max} make-up minutes are left in this plan.", "Como máximo quedan {max} minutos de recuperación en este plan."],
  "problem.more_than_planned_now": [
    "Make-up minutes were recorded against this plan elsewhere meanwhile; fewer are left.",
    "Mientras tanto se registraron en otro lugar minutos de recuperación de este plan; quedan menos.",
  ],
  "problem.unknown_make_up_plan": ["Choose one of your make-up plans for this service.", "Elija uno de sus planes de recuperación para este servicio."],
  "problem.date_outside_week": [
    "Choose a school day of this week, on or after the day the plan was made.",
    "Elija un día escolar de esta semana, el día en que se hizo el plan o después.",
  ],
  boardMakeUpTitle: ["Make-up plans past due", "Planes de recuperación vencidos"],
  boardMakeUpLine: [
    "{student}, {service}: due {date}, {remaining} of {minutes} minutes left ({provider})",
    "{student}, {service}: vencía el {date}, faltan {remaining} de {minutes} minutos ({provider})",
  ],
  boardMakeUpNone: ["No make-up plan is past due.", "Ningún plan de recuperación está vencido."],
  "problem.more_than_owed": [
    "At most {max} minutes: the service's owed balance not yet in a plan.",
    "Como máximo {max} minutos: el saldo que se debe del servicio que aún no está en un plan.",
  ],
  "problem.due_in_past": ["The due date must be today ({today}) or later.", "La fecha límite debe ser hoy ({today}) o después."],
  "problem.unknown_service": ["The IEP has no such service.", "El IEP no tiene ese servicio."],
  "problem.provider_not_on_service": ["Choose a team member who gives this service.", "Elija a un miembro del equipo que dé este servicio."],
  "error.more_than_planned": ["More make-up minutes than the plan has left.", "Más minutos de recuperación de los que le quedan al plan."],
  "error.unknown_make_up_plan": [
    "A make-up session names a plan that is not yours for this service.",
    "Una sesión de recuperación indica un plan que no es suyo para este servicio.",
  ],
  "complaint.makeUpPlans": ["Make-up plans on record", "Planes de recuperación registrados"],
  "complaint.makeUpPlanLine": [
    "{name}: {minutes} minutes planned by {date}; {delivered} given, {remaining} remaining",
    "{name}: {minutes} minutos planeados a más tardar el {date}; {delivered} brindados, {remaining} pendientes",
  ],
} as const satisfies Record<string, Pair>;
