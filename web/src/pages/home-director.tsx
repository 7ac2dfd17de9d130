import { A, useNavigate } from "../router";
import { createResource, Show } from "solid-js";
import { api, call } from "../api";
import { Loaded } from "../components/loaded";
import { DataTable } from "../components/data-table";
import { DirectorPatterns } from "../components/director-patterns";
import { t } from "../i18n";
import "../strings/pages";
import "../strings/concerns";
import "../strings/concern-board";
import "../strings/staff";
import { useSession } from "../session";

export const loadSchools = () => call(api.students.schools.$get());

/**
 * A district-wide reader's way into the district (the director, the administrator): the escalation
 * board for whoever the API lets see it, a name search and one row a school, each opening its filtered list.
 */
export function DirectorHome(props: { districtName: string }) {
  const session = useSession();
  const [schools, { refetch }] = createResource(loadSchools);
  const navigate = useNavigate();
  let input!: HTMLInputElement;
  const search = (event: SubmitEvent) => {
    event.preventDefault();
    const q = input.value.trim();
    navigate(q ? `/students?q=${encodeURIComponent(q)}` : "/students");
  };
  return (
    <>
      <Show when={session.can("viewEscalationBoard")}>
        <section aria-labelledby="board-title">
          <h2 id="board-title">{t("boardTitle")}</h2>
          <p>{t("boardBlurb")}</p>
          <p>
            <A href="/escalations">{t("boardTitle")}</A>
          </p>
        </section>
      </Show>
      <Show when={session.can("viewPatterns")}>
        <DirectorPatterns />
      </Show>
      <section aria-labelledby="director-title">
        <h2 id="director-title">{t("directorTitle")}</h2>
        <p>{t("directorWhat")}</p>
        <form role="search" class="search-row" onSubmit={search} aria-label={t("searchStudents")}>
          <div class="field grow">
            <label for="home-search">{t("searchLabel")}</label>
            <input ref={input} id="home-search" type="search" autocomplete="off" aria-describedby="home-search-hint" />
            <p id="home-search-hint" class="hint">
              {t("searchHint")}
            </p>
          </div>
          <button type="submit">{t("search")}</button>
        </form>
        <Loaded resource={schools} what={t("whatSchools")} onRetry={refetch}>
          {(loaded) => (
            <DataTable
              class="compact"
              caption={t("schoolsCaption", { district: props.districtName })}
              rows={loaded().items}
              columns={[
                { label: t("colSchool"), rowHeader: true, cell: (school) => school.name },
                {
                  label: t("colStudents"),
                  cell: (school) => <A href={`/students?school=${encodeURIComponent(school.id)}`}>{t("studentsAt", { school: school.name })}</A>,
                },
              ]}
            />
          )}
        </Loaded>
        <p>
          <A href="/students">{t("allStudents")}</A>
        </p>
      </section>
    </>
  );
}
