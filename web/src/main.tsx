import { render } from "solid-js/web";
import { Route, Router } from "@solidjs/router";
import { Layout } from "./components/layout";
import { SessionProvider } from "./session";
import { SignIn } from "./pages/sign-in";
import { Home } from "./pages/home";
import { Students } from "./pages/students";
import { Student } from "./pages/student";
import { Audit } from "./pages/audit";
import { AdminSettings } from "./pages/admin-settings";
import { AdminRosterPage } from "./pages/admin-roster-page";
import { NotFound } from "./pages/not-found";
import { RosterGuide } from "./pages/roster-guide";
import { ConcernNew } from "./pages/concern-new";
import { Concern } from "./pages/concern";
import { Concerns } from "./pages/concerns";
import { Escalations } from "./pages/escalations";
import { FidelityWeek } from "./pages/fidelity-week";
import { FidelityForm } from "./pages/fidelity-form";
import { StudentFidelity } from "./pages/student-fidelity";
import { IepEditor } from "./pages/iep-editor";
import { Caseload } from "./pages/caseload";
import { FidelityReport } from "./pages/fidelity-report";
import "./styles.css";

render(
  () => (
    <SessionProvider>
      <Router root={Layout}>
        <Route path="/sign-in" component={SignIn} />
        <Route path="/" component={Home} />
        <Route path="/students" component={Students} />
        <Route path="/students/:id" component={Student} />
        <Route path="/students/:id/audit" component={Audit} />
        <Route path="/students/:id/concern" component={ConcernNew} />
        <Route path="/concerns" component={Concerns} />
        <Route path="/concerns/:id" component={Concern} />
        <Route path="/escalations" component={Escalations} />
        <Route path="/admin/settings" component={AdminSettings} />
        <Route path="/admin/roster" component={AdminRosterPage} />
        <Route path="/admin/roster/guide" component={RosterGuide} />
        <Route path="/students/:id/fidelity" component={StudentFidelity} />
        <Route path="/students/:id/iep/new" component={IepEditor} />
        <Route path="/caseload" component={Caseload} />
        <Route path="/reports/fidelity" component={FidelityReport} />
        <Route path="/fidelity" component={FidelityWeek} />
        <Route path="/fidelity/forms/:id" component={FidelityForm} />
        <Route path="*404" component={NotFound} />
      </Router>
    </SessionProvider>
  ),
  document.getElementById("root")!,
);
