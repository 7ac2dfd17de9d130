import { useSearchParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { t } from "../i18n";
import { formatDate } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { AccessDeniedContent } from "./not-found";
import { useSession } from "../session";
import { loadSchools } from "./home-director";
import { fidelityApi, type FidelityReport as Report, type ReportFilters } from "../fidelity/client";
import { weekMonday, addDays } from "../fidelity/week";

type Search = { schoolId?: string; teacherId?: string; from?: string; to?: string };

/** The director's fidelity report: by school, teacher and item, filtered, with the same rows as CSV. */
export function FidelityReport() {
  const session = useSession();
  usePageTitle(() => t("reportTitle"));
  return (
    <Show when={session.can("viewFidelityReport")} fallback={<AccessDeniedContent />}>
      <ReportPage />
    </Show>
  );
}

function ReportPage() {
  const [search, setSearch] = useSearchParams<Search>();
  const filters = (): ReportFilters => ({ schoolId: search.schoolId || undefined, teacherId: search.teacherId || undefined, from: search.from || undefined, to: search.to || undefined });
  const [report, { refetch }] = createResource(filters, (f) => fidelityApi.report(f));
  const [schools] = createResource(loadSchools);
  // Teachers to filter by: those the unfiltered report names, so picking one never empties the list.
  // The unfiltered report is read a second time only while a school or teacher filter is on.
  const [everyone] = createResource(
    () => (search.schoolId || search.teacherId ? { from: search.from, to: search.to } : false),
    (f) => fidelityApi.report({ from: f.from || undefined, to: f.to || undefined }),
  );
  const teachers = () => {
    const source = search.schoolId || search.teacherId ? everyone : report;
    return source.state === "ready" ? source()!.teachers : [];
  };
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? "") || undefined;
    setSearch({ schoolId: value("schoolId"), teacherId: value("teacherId"), from: value("from"), to: value("to") });
  };
  return (
    <>
      <h1>{t("reportTitle")}</h1>
      <p>{t("reportIntro")}</p>
      <form class="filters" onSubmit={apply} aria-label={t("reportTitle")}>
        <div class="field">
          <label for="report-school">{t("filterSchool")}</label>
          <select id="report-school" name="schoolId" value={search.schoolId ?? ""}>
            <option value="">{t("allSchools")}</option>
            <For each={schools.state === "ready" ? schools()!.items : []}>{(s) => <option value={s.id}>{s.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="report-teacher">{t("filterTeacher")}</label>
          <select id="report-teacher" name="teacherId" value={search.teacherId ?? ""}>
            <option value="">{t("allTeachers")}</option>
            <For each={teachers()}>{(teacher) => <option value={teacher.teacherId}>{teacher.teacherName}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="report-from">{t("filterFrom")}</label>
          <input id="report-from" name="from" type="date" value={search.from ?? ""} />
        </div>
        <div class="field">
          <label for="report-to">{t("filterTo")}</label>
          <input id="report-to" name="to" type="date" value={search.to ?? ""} />
        </div>
        <div class="button-row">
          <button type="submit">{t("applyFilters")}</button>
        </div>
      </form>
      <Loaded resource={report} what={t("whatReport")} onRetry={refetch}>
        {(loaded) => <ReportTables report={loaded()} filters={filters()} />}
      </Loaded>
    </>
  );
}

function ReportTables(props: { report: Report; filters: ReportFilters }) {
  const pct = (n: number | null) => (n === null ? "—" : `${n}%`);
  return (
    <>
      <p class="muted">
        {formatDate(weekMonday(props.report.from))} – {formatDate(addDays(weekMonday(props.report.to), 4))}
      </p>
      <p>
        <a href={fidelityApi.reportCsv(props.filters)} download="">
          {t("downloadCsv")}
        </a>
      </p>
      <Show when={props.report.rows.length > 0} fallback={<p class="empty">{t("noReportRows")}</p>}>
        <table class="stacked">
          <caption>{t("reportTeachersCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colTeacher")}</th>
              <th scope="col">{t("colFormsExpected")}</th>
              <th scope="col">{t("status.submitted")}</th>
              <th scope="col">{t("status.draft")}</th>
              <th scope="col">{t("status.not_started")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.report.teachers}>
              {(row) => (
                <tr>
                  <th scope="row">{row.teacherName}</th>
                  <td data-label={t("colFormsExpected")}>{row.forms}</td>
                  <td data-label={t("status.submitted")}>{row.submitted}</td>
                  <td data-label={t("status.draft")}>{row.draft}</td>
                  <td data-label={t("status.not_started")}>{row.notStarted}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <table class="stacked">
          <caption>{t("reportCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colItem")}</th>
              <th scope="col">{t("colSchool")}</th>
              <th scope="col">{t("colTeacher")}</th>
              <th scope="col">{t("colFormsExpected")}</th>
              <th scope="col">{t("colFidelity")}</th>
              <th scope="col">{t("colDetail")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.report.rows}>
              {(row) => (
                <tr>
                  <th scope="row">{row.item}</th>
                  <td data-label={t("colSchool")}>{row.schoolName}</td>
                  <td data-label={t("colTeacher")}>{row.teacherName}</td>
                  <td data-label={t("colFormsExpected")}>{row.expected}</td>
                  <td data-label={t("colFidelity")}>{pct(row.fidelityPct)}</td>
                  <td data-label={t("colDetail")}>
                    {row.kind === "service"
                      ? t("reportMinutes", { delivered: row.minutesDelivered, planned: row.minutesPlanned })
                      : t("reportCounts", { provided: row.provided, partly: row.partly, notProvided: row.notProvided, notApplicable: row.notApplicable, noRecord: row.noRecord })}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}
