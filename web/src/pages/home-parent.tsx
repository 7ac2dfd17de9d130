import { Loaded } from "../components/loaded";
import { StudentCards } from "../components/student-cards";
import type { StudentList } from "../components/student-list";
import { t } from "../i18n";
import "../strings/pages";

export function ParentHome(props: { list: StudentList }) {
  const children = () => props.list.items().filter((s) => s.relationship === "guardian");
  return (
    <section aria-labelledby="parent-title">
      <h2 id="parent-title">{children().length > 1 ? t("yourChildren") : t("yourChild")}</h2>
      <p>{t("parentIntro")}</p>
      <Loaded resource={props.list.page} what={t("whatChildren")} onRetry={props.list.refetch}>
        {() => <StudentCards list={props.list} students={children()} empty={t("noChildren")} heading="h3" />}
      </Loaded>
    </section>
  );
}
