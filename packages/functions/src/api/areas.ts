/**
 * The API's route areas behind the session, each a Hono sub-app in its own module under routes/.
 * The Lambda loads an area's module on the area's first request (each is its own ESM chunk: a cold
 * start compiles only the session, sign-in and `/api/me`); the local stack and the tests load them all
 * up front (`loadAreas`). To add an area: a line here, and its `.route()` line in app-of.ts.
 */
export const areas = {
  students: () => import("./routes/students").then((m) => m.studentRoutes),
  audit: () => import("./routes/audit").then((m) => m.auditRoutes),
  concerns: () => import("./routes/concerns").then((m) => m.concernRoutes),
  fidelity: () => import("./routes/fidelity").then((m) => m.fidelityRoutes),
  reports: () => import("./routes/reports").then((m) => m.reportRoutes),
  helpRequests: () => import("./routes/help-requests").then((m) => m.helpRequestRoutes),
  teamNotes: () => import("./routes/help-requests").then((m) => m.teamNoteRoutes),
  admin: () => import("./routes/admin").then((m) => m.adminRoutes),
};

/** Each area's sub-app, loaded. */
export type Areas = { [Name in keyof typeof areas]: Awaited<ReturnType<(typeof areas)[Name]>> };

/** Every area loaded now: what the local stack and the tests serve. */
export async function loadAreas(): Promise<Areas> {
  const loaded = await Promise.all(Object.entries(areas).map(async ([name, load]) => [name, await load()] as const));
  return Object.fromEntries(loaded) as Areas;
}
