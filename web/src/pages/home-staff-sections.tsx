import { A } from "../router";
import { Show } from "solid-js";
import { t } from "../i18n";
import "../strings/concerns";
import "../strings/staff";
import { useSession } from "../session";
import type { StudentList } from "../components/student-list";
import { StaffStudentsHome } from "./home-staff";
import { TeacherHome } from "./home-teacher";
import { DirectorHome } from "./home-director";
import { AdminHome } from "./home-admin";
import { ConcernLists } from "./concerns";
import { IepChangeNotices } from "../components/iep-change-notices";
import { HelpRequestsSection } from "../help/help-requests";
import type { HelpResource } from "../help/data";

export { WaitingHelpItems } from "../help/help-requests";

/**
 * The home page's sections for staff, administrators and advocates, in the order the page shows them.
 * A chunk of their own (pages/home.tsx loads it for those roles only), so a parent's home page never
 * downloads them or their words.
 */
export function StaffSections(props: { list: StudentList | undefined; help?: HelpResource }) {
  const session = useSession();
  const me = () => session.me()!;
  return (
    <>
      <Show when={session.can("viewMyClasses") || session.can("viewCaseload")}>
        <IepChangeNotices />
      </Show>
      <Show when={session.can("viewHelpRequests")}>
        <HelpRequestsSection resource={props.help} />
      </Show>
      <Show when={session.can("editDistrict") || session.can("importRoster")}>
        <AdminHome />
      </Show>
      <Show when={session.can("viewAllStudents")}>
        <DirectorHome districtName={me().district.name} />
      </Show>
      <Show when={session.can("viewCaseload") && props.list}>
        {(students) => (
          <StaffStudentsHome
            list={students()}
            relationship="case_manager"
            title={t("caseManagerTitle")}
            intro={t("caseManagerIntro")}
            empty={t("noCaseload")}
          />
        )}
      </Show>
      <Show when={session.can("viewMyClasses")}>
        <TeacherHome hideWhenEmpty={session.can("viewCaseload")} />
      </Show>
      <Show when={session.can("viewConcerns") && (session.can("viewMyClasses") || session.can("viewCaseload"))}>
        <section aria-labelledby="staff-concerns-title">
          <h2 id="staff-concerns-title">{t("myConcernsTitle")}</h2>
          <p>{t("concernsIntroStaff")}</p>
          <p>
            <A href="/concerns">{t("myConcernsTitle")}</A>
          </p>
        </section>
      </Show>
    </>
  );
}

/** An advocate's concerns, handed over to them: after a parent's own section when someone is both. */
export function AdvocateSection() {
  return (
    <section aria-labelledby="advocate-title">
      <h2 id="advocate-title">{t("advocateTitle")}</h2>
      <p>{t("concernsIntroAdvocate")}</p>
      <ConcernLists showPacket empty={t("advocateEmpty")} />
    </section>
  );
}
