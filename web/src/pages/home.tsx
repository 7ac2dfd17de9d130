import { createResource, lazy, Show } from "solid-js";
import { t } from "../i18n";
import "../strings/pages";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { createStudentList } from "../components/student-list";
import { ParentHome } from "./home-parent";
import { WaitingOnYou } from "../concerns/waiting";
import { loadHelp } from "../help/data";

// Staff, administrators and advocates have sections a parent never sees: loaded only for them (the
// layout's Suspense shows the page once they are in, so nothing below them moves).
const staffSections = () => import("./home-staff-sections");
const StaffSections = lazy(() => staffSections().then((m) => ({ default: m.StaffSections })));
const AdvocateSection = lazy(() => staffSections().then((m) => ({ default: m.AdvocateSection })));
const WaitingHelpItems = lazy(() => staffSections().then((m) => ({ default: m.WaitingHelpItems })));

/** One section for each thing the API says the reader may do, each starting with what they do first. */
export function Home() {
  const session = useSession();
  const me = () => session.me()!;
  const list = session.can("viewCaseload") || session.can("viewMyChildren") ? createStudentList() : undefined;
  const staff = () =>
    session.can("viewMyClasses") || session.can("viewCaseload") || session.can("viewAllStudents") || session.can("editDistrict") || session.can("importRoster");
  usePageTitle(() => t("navHome"));
  // Read once for the page: what waits on a case manager counts the help requests its section lists.
  const help = session.can("viewHelpRequests") ? createResource(loadHelp) : undefined;

  return (
    <>
      <h1>{t("welcome", { name: me().user.name })}</h1>
      <p class="muted lead">{me().district.name}</p>
      <Show when={session.can("viewConcerns")}>
        <WaitingOnYou help={help} helpItems={help && <WaitingHelpItems lists={help} />} />
      </Show>
      <Show when={staff()}>
        <StaffSections list={list} help={help} />
      </Show>
      <Show when={session.can("viewMyChildren") && list}>{(students) => <ParentHome list={students()} />}</Show>
      <Show when={session.can("viewHandedOverConcerns")}>
        <AdvocateSection />
      </Show>
    </>
  );
}
