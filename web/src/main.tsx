import { lazy } from "solid-js";
import { render } from "solid-js/web";
import { Router } from "./router";
import { Layout } from "./components/layout";
import { SessionProvider } from "./session";
import "./styles.css";

// Each page is its own chunk, loaded on first visit: a parent never downloads staff or admin pages, and
// a signed-in reader never downloads the sign-in form (with the validation library it checks input with).
const SignIn = lazy(() => import("./pages/sign-in").then((m) => ({ default: m.SignIn })));
const Home = lazy(() => import("./pages/home").then((m) => ({ default: m.Home })));
const Students = lazy(() => import("./pages/students").then((m) => ({ default: m.Students })));
const Student = lazy(() => import("./pages/student").then((m) => ({ default: m.Student })));
const Audit = lazy(() => import("./pages/audit").then((m) => ({ default: m.Audit })));
const AdminSettings = lazy(() => import("./pages/admin-settings").then((m) => ({ default: m.AdminSettings })));
const AdminRosterPage = lazy(() => import("./pages/admin-roster-page").then((m) => ({ default: m.AdminRosterPage })));
const NotFound = lazy(() => import("./pages/not-found").then((m) => ({ default: m.NotFound })));
const RosterGuide = lazy(() => import("./pages/roster-guide").then((m) => ({ default: m.RosterGuide })));
const ConcernNew = lazy(() => import("./pages/concern-new").then((m) => ({ default: m.ConcernNew })));
const Concern = lazy(() => import("./pages/concern").then((m) => ({ default: m.Concern })));
const Concerns = lazy(() => import("./pages/concerns").then((m) => ({ default: m.Concerns })));
const Escalations = lazy(() => import("./pages/escalations").then((m) => ({ default: m.Escalations })));
const FidelityWeek = lazy(() => import("./pages/fidelity-week").then((m) => ({ default: m.FidelityWeek })));
const FidelityClass = lazy(() => import("./pages/fidelity-class").then((m) => ({ default: m.FidelityClass })));
const FidelityForm = lazy(() => import("./pages/fidelity-form").then((m) => ({ default: m.FidelityForm })));
const IepReview = lazy(() => import("./pages/iep-review").then((m) => ({ default: m.IepReview })));
const StudentFidelity = lazy(() => import("./pages/student-fidelity").then((m) => ({ default: m.StudentFidelity })));
const IepEditor = lazy(() => import("./pages/iep-editor").then((m) => ({ default: m.IepEditor })));
const Caseload = lazy(() => import("./pages/caseload").then((m) => ({ default: m.Caseload })));
const FidelityReport = lazy(() => import("./pages/fidelity-report").then((m) => ({ default: m.FidelityReport })));

const routes = [
  { path: "/sign-in", component: SignIn },
  { path: "/", component: Home },
  { path: "/students", component: Students },
  { path: "/students/:id", component: Student },
  { path: "/students/:id/audit", component: Audit },
  { path: "/students/:id/concern", component: ConcernNew },
  { path: "/concerns", component: Concerns },
  { path: "/concerns/:id", component: Concern },
  { path: "/escalations", component: Escalations },
  { path: "/admin/settings", component: AdminSettings },
  { path: "/admin/roster", component: AdminRosterPage },
  { path: "/admin/roster/guide", component: RosterGuide },
  { path: "/students/:id/fidelity", component: StudentFidelity },
  { path: "/students/:id/iep/new", component: IepEditor },
  { path: "/students/:id/iep/review", component: IepReview },
  { path: "/caseload", component: Caseload },
  { path: "/reports/fidelity", component: FidelityReport },
  { path: "/fidelity", component: FidelityWeek },
  { path: "/fidelity/forms/:id", component: FidelityForm },
  { path: "/fidelity/classes/:classId/weeks/:week", component: FidelityClass },
  { path: "*404", component: NotFound },
];

render(
  () => (
    <SessionProvider>
      <Router root={Layout} routes={routes} />
    </SessionProvider>
  ),
  document.getElementById("root")!,
);
