import { Show } from "solid-js";
import { t } from "../i18n";
import "../strings/pages";
import "../strings/staff";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { StudentCards } from "../components/student-cards";
import { createStudentList } from "../components/student-list";
import { DistrictStudents } from "./students-district";

export function Students() {
  const session = useSession();
  usePageTitle(() => t("studentsTitle"));
  return (
    <>
      <h1>{t("studentsTitle")}</h1>
      <Show when={session.can("viewAllStudents")} fallback={<MyStudents />}>
        <DistrictStudents />
      </Show>
    </>
  );
}

function MyStudents() {
  const list = createStudentList();
  const kinds = () => new Set(list.items().map((s) => s.relationship));
  return (
    <>
      <p>{t("studentsIntro")}</p>
      <Loaded resource={list.page} what={t("whatStudents")} onRetry={list.refetch}>
        {() => <StudentCards list={list} students={list.items()} empty={t("noStudents")} heading="h2" showRelationship={kinds().size > 1} />}
      </Loaded>
    </>
  );
}
