import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { t } from "../i18n";
import { formatGrade } from "../format";
import type { StudentList, StudentSummary } from "./student-list";

/** "3" under a "Grade" heading, but "Kindergarten" in full. */
const gradeCell = (grade: string) => (/^\d+$/.test(grade.trim()) ? String(Number(grade)) : formatGrade(grade));

/** A whole district at a glance: one row a student, the name opening the record. */
export function StudentTable(props: { list: StudentList; students: StudentSummary[] }) {
  return (
    <>
      <table class="stacked">
        <caption>{t(props.list.hasMore() ? "studentTableCaptionMore" : "studentTableCaption", { count: props.students.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colGrade")}</th>
            <th scope="col">{t("colSchool")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.students}>
            {(student) => (
              <tr>
                <th scope="row">
                  <A href={`/students/${student.id}`}>{student.name}</A>
                </th>
                <td data-label={t("colGrade")}>{gradeCell(student.grade)}</td>
                <td data-label={t("colSchool")}>{student.schoolName}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={props.list.hasMore()}>
        <button type="button" class="button-secondary" onClick={() => props.list.loadMore()}>
          {t("showMore")}
        </button>
      </Show>
    </>
  );
}
