import { useSearchParams } from "../router";
import { createResource, For, Show } from "solid-js";
import { lang, t } from "../i18n";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/staff";
import "../strings/help";
import { percent } from "../fidelity/summary";
import { formatDate } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { DataTable } from "../components/data-table";
import { AccessDeniedContent } from "./not-found";
import { useSession } from "../session";
import { loadSchools } from "./home-director";
import { loadReport, reportCsvHref, type FidelityReport as Report, type ReportFilters } from "../fidelity/data";
import { addDays } from "@fidelio/core/calendar/zoned";
import { weekStart } from "@fidelio/core/fidelity/week";

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
  const filters = (): ReportFilters => ({
    schoolId: search.schoolId || undefined,
    teacherId: search.teacherId || undefined,
    from: search.from || undefined,
    to: search.to || undefined,
  });
  const [report, { refetch }] = createResource(filters, loadReport);
  const [schools] = createResource(loadSchools);
  // Teachers to filter by: those the unfiltered report names, so picking one never empties the list.
  // The unfiltered report is read a second time only while a school or teacher filter is on.
  const [everyone] = createResource(
    () => (search.schoolId || search.teacherId ? { from: search.from, to: search.to } : false),
    (f) => loadReport({ from: f.from || undefined, to: f.to || undefined }),
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
  const pct = (row: Report["rows"][number]) =>
    t(row.percentOf === "minutes" ? "percentOfMinutesCell" : "percentOfReportsCell", { percent: percent(row.percent, lang()) });
  return (
    <>
      <p class="muted">
        {formatDate(weekStart(props.report.from))} – {formatDate(addDays(weekStart(props.report.to), 4))}
      </p>
      <p>
        <a href={reportCsvHref(props.filters)} download="">
          {t("downloadCsv")}
        </a>
      </p>
      <Show when={props.report.helpRequests}>
        {(help) => (
          <section aria-labelledby="report-help-title">
            <h2 id="report-help-title">{t("help.title")}</h2>
            <p class="help-counts">{t("help.counts", { open: help().open, pastDue: help().pastDue, resolved: help().resolved })}</p>
            <p class="hint">{t("help.countsScope")}</p>
          </section>
        )}
      </Show>
      <Show when={props.report.rows.length > 0} fallback={<p class="empty">{t("noReportRows")}</p>}>
        <DataTable
          caption={t("reportTeachersCaption")}
          rows={props.report.teachers}
          columns={[
            { label: t("colTeacher"), rowHeader: true, cell: (row) => row.teacherName },
            { label: t("colFormsExpected"), cell: (row) => row.forms },
            { label: t("status.submitted"), cell: (row) => row.submitted },
            { label: t("status.draft"), cell: (row) => row.draft },
            { label: t("status.not_started"), cell: (row) => row.notStarted },
          ]}
        />
        <DataTable
          caption={t("reportCaption")}
          rows={props.report.rows}
          columns={[
            { label: t("colItem"), rowHeader: true, cell: (row) => row.item },
            { label: t("colSchool"), cell: (row) => row.schoolName },
            { label: t("colTeacher"), cell: (row) => row.teacherName },
            { label: t("colPercent"), cell: (row) => pct(row) },
            {
              label: t("colDetail"),
              cell: (row) =>
                "minutesOwed" in row
                  ? t("reportMinutes", {
                      delivered: row.minutesDelivered,
                      required: row.minutesRequired - row.minutesNotRecorded,
                      owed: row.minutesOwed,
                      notRecorded: row.minutesNotRecorded,
                    })
                  : t("reportCounts", {
                      provided: row.provided,
                      partly: row.partly,
                      notProvided: row.notProvided,
                      notApplicable: row.notApplicable,
                      noRecord: row.notRecorded,
                    }),
            },
          ]}
        />
      </Show>
    </>
  );
}
