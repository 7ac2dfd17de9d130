import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { t } from "../i18n";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { createStudentList } from "../components/student-list";
import { ParentHome } from "./home-parent";
import { StaffStudentsHome } from "./home-staff";
import { TeacherHome } from "./home-teacher";
import { DirectorHome } from "./home-director";
import { AdminHome } from "./home-admin";
import { ConcernLists } from "./concerns";
import { IepChangeNotices } from "../components/iep-change-notices";
import { WaitingOnYou } from "../concerns/waiting";

/** One section for each thing the API says the reader may do, each starting with what they do first. */
export function Home() {
  const session = useSession();
  const me = () => session.me()!;
  const list = session.can("viewCaseload") || session.can("viewMyChildren") ? createStudentList() : undefined;
  usePageTitle(() => t("navHome"));

  return (
    <>
      <h1>{t("welcome", { name: me().user.name })}</h1>
      <p class="muted lead">{me().district.name}</p>
      <Show when={session.can("viewConcerns")}>
        <WaitingOnYou />
      </Show>
      <Show when={session.can("viewMyClasses") || session.can("viewCaseload")}>
        <IepChangeNotices />
      </Show>
      <Show when={session.can("editDistrict") || session.can("importRoster")}>
        <AdminHome />
      </Show>
      <Show when={session.can("viewAllStudents")}>
        <DirectorHome districtName={me().district.name} />
      </Show>
      <Show when={session.can("viewCaseload") && list}>
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
      <Show when={session.can("viewMyChildren") && list}>{(students) => <ParentHome list={students()} />}</Show>
      <Show when={session.can("viewHandedOverConcerns")}>
        <section aria-labelledby="advocate-title">
          <h2 id="advocate-title">{t("advocateTitle")}</h2>
          <p>{t("concernsIntroAdvocate")}</p>
          <ConcernLists showPacket empty={t("advocateEmpty")} />
        </section>
      </Show>
    </>
  );
}
