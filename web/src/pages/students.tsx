import { t } from "../i18n";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { StudentCards } from "../components/student-cards";
import { createStudentList } from "../components/student-list";

export function Students() {
  const list = createStudentList();
  usePageTitle(() => t("studentsTitle"));
  return (
    <>
      <h1>{t("studentsTitle")}</h1>
      <p>{t("studentsIntro")}</p>
      <Loaded resource={list.page}>
        {() => <StudentCards list={list} students={list.items()} empty={t("noStudents")} heading="h2" showRelationship />}
      </Loaded>
    </>
  );
}
