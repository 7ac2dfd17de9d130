import { Show } from "solid-js";
import { t } from "../i18n";
import { useSession, type Role } from "../session";
import { usePageTitle } from "../components/page-title";
import { createStudentList } from "../components/student-list";
import { ParentHome } from "./home-parent";
import { StaffStudentsHome } from "./home-staff";
import { DirectorHome } from "./home-director";
import { AdminHome } from "./home-admin";

const rolesWithStudents: Role[] = ["parent", "teacher", "case_manager", "director"];

/** One section per role the reader holds, each starting with what that role does first. */
export function Home() {
  const session = useSession();
  const me = () => session.me()!;
  const list = me().roles.some((role) => rolesWithStudents.includes(role)) ? createStudentList() : undefined;
  usePageTitle(() => t("navHome"));

  return (
    <>
      <h1>{t("welcome", { name: me().user.name })}</h1>
      <p class="muted lead">{me().district.name}</p>
      <Show when={session.hasRole("district_admin")}>
        <AdminHome />
      </Show>
      <Show when={session.hasRole("director") && list}>
        {(students) => <DirectorHome list={students()} districtName={me().district.name} />}
      </Show>
      <Show when={session.hasRole("case_manager") && list}>
        {(students) => (
          <StaffStudentsHome list={students()} relationship="case_manager" title={t("caseManagerTitle")} intro={t("caseManagerIntro")} empty={t("noCaseload")} />
        )}
      </Show>
      <Show when={session.hasRole("teacher") && list}>
        {(students) => (
          <StaffStudentsHome
            list={students()}
            relationship="teacher"
            title={t("teacherTitle")}
            intro={t("teacherIntro")}
            empty={t("noTeacherStudents")}
            hideWhenEmpty={session.hasRole("case_manager")}
          >
            <p class="notice">{t("teacherFormsLater")}</p>
          </StaffStudentsHome>
        )}
      </Show>
      <Show when={session.hasRole("parent") && list}>{(students) => <ParentHome list={students()} />}</Show>
      <Show when={session.hasRole("advocate")}>
        <section aria-labelledby="advocate-title">
          <h2 id="advocate-title">{t("advocateTitle")}</h2>
          <p class="empty">{t("advocateEmpty")}</p>
        </section>
      </Show>
    </>
  );
}
