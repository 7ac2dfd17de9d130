import { A } from "@solidjs/router";
import { For } from "solid-js";
import { Loaded } from "../components/loaded";
import type { StudentList } from "../components/student-list";
import { t } from "../i18n";

/** What exists today for a director: the district's student records, by school. */
export function DirectorHome(props: { list: StudentList; districtName: string }) {
  const bySchool = () => {
    const counts = new Map<string, number>();
    for (const student of props.list.items()) counts.set(student.schoolName, (counts.get(student.schoolName) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  };
  const summary = () => {
    const values = { count: props.list.items().length, district: props.districtName, schools: bySchool().length };
    return props.list.hasMore() ? t("directorSummaryMore", values) : t("directorSummary", values);
  };
  return (
    <section aria-labelledby="director-title">
      <h2 id="director-title">{t("directorTitle")}</h2>
      <Loaded resource={props.list.page}>
        {() => (
          <>
            <p>{summary()}</p>
            <p>{t("directorWhat")}</p>
            <table class="compact">
              <caption>{t("bySchoolCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colSchool")}</th>
                  <th scope="col">{t("colStudents")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={bySchool()}>
                  {([school, count]) => (
                    <tr>
                      <th scope="row">{school}</th>
                      <td>{count}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <p>
              <A href="/students">{t("allStudents")}</A>
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
