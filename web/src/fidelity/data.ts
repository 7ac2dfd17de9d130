import { api, call, type Body } from "../api";

/**
 * The fidelity and IEP-version calls, all through the typed client: each answer's type is the route's
 * own (inferred from `hc<Api>`), and a failure is the one ApiError of web/src/api.ts.
 */

/** What a client call takes: its query or JSON body as the route validates it. */
type Args<T> = T extends (args: infer A, ...rest: never[]) => unknown ? A : never;
type Query<T> = Args<T> extends { query: infer Q } ? Q : never;
type Json<T> = Args<T> extends { json: infer J } ? J : never;

/** My forms for a week; without one, the week holding the district's today (the answer names it). */
export const loadForms = (week?: string) => call(api.fidelity.forms.$get({ query: week ? { week } : {} }));
export type FormSummary = Body<Awaited<ReturnType<typeof api.fidelity.forms.$get>>>["items"][number];

/** My forms still open from the school year's weeks before `before`. */
export const loadOpenBefore = (before: string) => call(api.fidelity.forms.open.$get({ query: { before } }));

/** A form with what its screen needs: acknowledgment, reason needed, last week's answers, the week's school days. */
export const loadForm = (id: string) => call(api.fidelity.forms[":id"].$get({ param: { id } }));
export type FormDetail = Awaited<ReturnType<typeof loadForm>>;
export type SubmitBlocker = FormDetail["blockers"][number];

/** Stores every answer as the draft; the answer says what still blocks submitting. */
export const saveForm = (id: string, json: Json<(typeof api.fidelity.forms)[":id"]["$put"]>) => call(api.fidelity.forms[":id"].$put({ param: { id }, json }));
export const submitForm = (id: string, json: Json<(typeof api.fidelity.forms)[":id"]["submit"]["$post"]>) =>
  call(api.fidelity.forms[":id"].submit.$post({ param: { id }, json }));

/** IEP amendments that change what I provide, until I acknowledge them. */
export const loadIepChanges = () => call(api.students["iep-changes"].$get());
export const acknowledgeIep = (studentId: string, version: number) =>
  call(api.students[":id"].iep.acknowledge.$post({ param: { id: studentId }, json: { version } }));

/** Records a new IEP version; the answer names who was told of the change. */
export const saveIep = (studentId: string, json: Json<(typeof api.students)[":id"]["iep"]["$put"]>) =>
  call(api.students[":id"].iep.$put({ param: { id: studentId }, json }));

/** Weeks or dates, or a period counted back from this week on the district's calendar. */
export type FidelityRange = Omit<Query<(typeof api.students)[":id"]["fidelity"]["$get"]>, "format">;
export const loadStudentFidelity = (studentId: string, range: FidelityRange = {}) =>
  call(api.students[":id"].fidelity.$get({ param: { id: studentId }, query: range }));
export type StudentFidelity = Awaited<ReturnType<typeof loadStudentFidelity>>;
export type FidelityWeek = StudentFidelity["weeks"][number];
export type ServiceWeek = FidelityWeek["services"][number];

export type ReportFilters = Omit<Query<typeof api.reports.fidelity.$get>, "format">;
export const loadReport = (filters: ReportFilters) => call(api.reports.fidelity.$get({ query: filters }));
export type FidelityReport = Awaited<ReturnType<typeof loadReport>>;

/** A same-origin link (path and query) for an `<a href download>`: the CSV is a download, not a typed answer. */
const linkOf = (url: URL) => `${url.pathname}${url.search}`;
export const studentCsvHref = (studentId: string, range: FidelityRange = {}) =>
  linkOf(api.students[":id"].fidelity.$url({ param: { id: studentId }, query: { ...range, format: "csv" } }));
export const reportCsvHref = (filters: ReportFilters) => linkOf(api.reports.fidelity.$url({ query: { ...filters, format: "csv" } }));
