import { Show } from "solid-js";
import { t } from "../i18n";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { StudentCards } from "../components/student-cards";
import { StudentTable } from "../components/student-table";
import { createStudentList } from "../components/student-list";

export function Students() {
  const list = createStudentList();
  const kinds = () => new Set(list.items().map((s) => s.relationship));
  usePageTitle(() => t("studentsTitle"));
  return (
    <>
      <h1>{t("studentsTitle")}</h1>
      <p>{t("studentsIntro")}</p>
      <Loaded resource={list.page}>
        {() => (
          <Show
            when={kinds().has("district")}
            fallback={<StudentCards list={list} students={list.items()} empty={t("noStudents")} heading="h2" showRelationship={kinds().size > 1} />}
          >
            <StudentTable list={list} students={list.items()} />
          </Show>
        )}
      </Loaded>
    </>
  );
}
