import { A } from "../router";
import { For, Show } from "solid-js";
import { t, tn } from "../i18n";
import "../strings/pages";
import "../strings/staff";
import { formatGrade } from "../format-words";
import type { StudentList, StudentSummary } from "./student-list";

/** "3" under a "Grade" heading, but "Kindergarten" in full. */
const gradeCell = (grade: string) => (/^\d+$/.test(grade.trim()) ? String(Number(grade)) : formatGrade(grade));

interface Props {
  list: StudentList;
  students: StudentSummary[];
  filtered: boolean;
  schoolName?: string;
  order: "asc" | "desc";
  onSortByName: (order: "asc" | "desc") => void;
}

/**
 * The district's students, one row each, the name opening the record. The API keeps them in name
 * order (either way), so sorting is by name: school and grade are filters, which page correctly.
 */
export function StudentTable(props: Props) {
  const caption = () => {
    const count = props.students.length;
    const key = props.list.hasMore()
      ? props.filtered
        ? "studentTableFilteredMore"
        : "studentTableCaptionMore"
      : props.filtered
        ? "studentTableFiltered"
        : "studentTableCaption";
    return tn(key, count);
  };
  const next = () => (props.order === "asc" ? "desc" : "asc");
  return (
    <>
      <Show when={props.students.length > 0 || props.list.hasMore()} fallback={<p class="empty">{props.filtered ? t("noMatches") : t("noStudents")}</p>}>
        <table class="stacked">
          <caption>
            {caption()}
            <Show when={props.schoolName}>{(name) => <span class="detail">{t("atSchool", { school: name() })}</span>}</Show>
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={props.order === "asc" ? "ascending" : "descending"}>
                <button type="button" class="sort-button" onClick={() => props.onSortByName(next())}>
                  {t("colName")}
                  <span aria-hidden="true">{props.order === "asc" ? " ▲" : " ▼"}</span>
                  <span class="visually-hidden">{t(next() === "asc" ? "sortAZ" : "sortZA")}</span>
                </button>
              </th>
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
      </Show>
      <Show when={props.list.hasMore()}>
        {/* `latest`: the page's Suspense never waits again while the next page of students loads. */}
        <Show when={props.filtered && props.list.page.latest?.items.length === 0}>
          <p class="muted">{t("searchedFurther")}</p>
        </Show>
        <button type="button" class="button-secondary" onClick={() => props.list.loadMore()}>
          {t("showMore")}
        </button>
      </Show>
    </>
  );
}
