import { t } from "../i18n";
import "../strings/pages";
import { Show, type ParentProps } from "solid-js";
import { Loaded } from "../components/loaded";
import { StudentCards } from "../components/student-cards";
import type { StudentList, StudentSummary } from "../components/student-list";

interface Props {
  list: StudentList;
  relationship: StudentSummary["relationship"];
  title: string;
  intro: string;
  empty: string;
  /** Leave the section out when it has no students, rather than say "none" beside another full section. */
  hideWhenEmpty?: boolean;
}

/** A teacher's or case manager's students: the ones they serve through that relationship. */
export function StaffStudentsHome(props: ParentProps<Props>) {
  const id = () => `${props.relationship}-title`;
  const students = () => props.list.items().filter((s) => s.relationship === props.relationship);
  const shown = () => !props.hideWhenEmpty || students().length > 0;
  return (
    <Show when={shown()}>
      <section aria-labelledby={id()}>
        <h2 id={id()}>{props.title}</h2>
        <p>{props.intro}</p>
        {props.children}
        <Loaded resource={props.list.page} what={t("whatStudents")} onRetry={props.list.refetch}>
          {() => <StudentCards list={props.list} students={students()} empty={props.empty} heading="h3" />}
        </Loaded>
      </section>
    </Show>
  );
}
