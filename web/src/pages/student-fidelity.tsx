import { A, useParams, useSearchParams } from "../router";
import { createResource, For, Show } from "solid-js";
import { api, call } from "../api";
import { lang, t, type StringKey } from "../i18n";
import { missTally } from "../fidelity/miss-tally";
import "../strings/pages";
import "../strings/fidelity-view";
import { formatDate, formatDatePart } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { DataTable } from "../components/data-table";
import { MinutesChart } from "../components/minutes-chart";
import { missedReasons } from "@fidelio/core/fidelity/answers";
import { loadStudentFidelity, studentCsvHref, type ServiceWeek } from "../fidelity/data";
import { byService, percent } from "../fidelity/summary";
import { addDays } from "@fidelio/core/calendar/zoned";
import { weekStart } from "@fidelio/core/fidelity/week";

/** Where "raise a concern about this" goes: the concern form (branch concern-ui), naming the item it is about. */
export const concernHref = (studentId: string, itemId: string) => `/students/${encodeURIComponent(studentId)}/concern?item=${encodeURIComponent(itemId)}`;

/** Periods the page offers; the API counts them back from this week on the district's calendar, not the browser's. */
const periods = { "10": "last10", "4": "last4", year: "school_year" } as const;
type Period = keyof typeof periods;

async function load(studentId: string, period: Period) {
  const [detail, fidelity] = await Promise.all([
    call(api.students[":id"].$get({ param: { id: studentId } })),
    loadStudentFidelity(studentId, { period: periods[period] }),
  ]);
  return { detail, fidelity, from: fidelity.from, to: fidelity.to };
}

/** A student's weeks in plain language: supports provided, minutes given against required, what is owed. */
export function StudentFidelity() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ period?: string }>();
  const period = (): Period => (search.period && search.period in periods ? (search.period as Period) : "10");
  const [data, { refetch }] = createResource(
    () => ({ id: params.id, period: period() }),
    ({ id, period }) => load(id, period),
  );
  return (
    <Loaded resource={data} what={t("whatFidelity")} onRetry={refetch}>
      {(loaded) => <FidelityView data={loaded()} period={period()} onPeriod={(p) => setSearch({ period: p === "10" ? undefined : p })} />}
    </Loaded>
  );
}

type Data = Awaited<ReturnType<typeof load>>;

const weekShort = (week: string) => formatDatePart(weekStart(week), { month: "short", day: "numeric" });

/** Missed sessions by reason: "2 (student absent), 1 (school closed)". */
const missedText = (row: ServiceWeek) =>
  missedReasons
    .filter((reason) => row.missed[reason])
    .map((reason) => t("missedCount", { count: row.missed[reason], reason: t(`why.${reason}` as StringKey) }))
    .join(", ") || "—";

type WeekRow = ServiceWeek & { week: string; state: "ended" | "in_progress" | "future" };

/** The week's label in the table: the week in progress says so. */
const weekLabel = (row: WeekRow) =>
  row.state === "in_progress" ? t("weekInProgress", { date: formatDate(weekStart(row.week)) }) : t("weekOf", { date: formatDate(weekStart(row.week)) });

/** Minutes given, or why there is no number: not recorded yet (an ended week), nothing yet (in progress), not yet (to come). */
const givenCell = (row: WeekRow) =>
  row.recorded
    ? t("minutesUnit", { n: row.delivered })
    : row.state === "ended"
      ? row.required > 0
        ? t("notRecordedCell")
        : "—"
      : row.state === "in_progress"
        ? t("inProgressCell")
        : t("notYet");

function FidelityView(props: { data: Data; period: Period; onPeriod: (p: Period) => void }) {
  const student = () => props.data.detail.student;
  const services = () => byService(props.data.fidelity);
  const supports = () => props.data.fidelity.accommodations;
  const studentId = () => student().id;
  usePageTitle(() => t("fidelityTitle", { name: student().name }));
  return (
    <>
      <p>
        <A href={`/students/${studentId()}`}>{t("backToStudent", { name: student().name })}</A>
      </p>
      <h1>{t("fidelityTitle", { name: student().name })}</h1>
      <p>{t("fidelityIntro")}</p>
      <div class="filters">
        <div class="field">
          <label for="period">{t("periodLabel")}</label>
          <select id="period" value={props.period} onChange={(e) => props.onPeriod(e.currentTarget.value as Period)}>
            <option value="10">{t("last10")}</option>
            <option value="4">{t("last4")}</option>
            <option value="year">{t("schoolYear")}</option>
          </select>
        </div>
      </div>
      <p class="muted">
        {formatDate(weekStart(props.data.from))} – {formatDate(addDays(weekStart(props.data.to), 4))}
      </p>
      <Show when={services().length + supports().length > 0} fallback={<p class="empty">{t("noFidelity")}</p>}>
        <Show when={services().length > 0}>
          <section aria-labelledby="minutes-title">
            <h2 id="minutes-title">{t("minutesTitle")}</h2>
            <p>{t("minutesHow")}</p>
            <For each={services()}>
              {(service, index) => (
                <section class="service-block" aria-labelledby={`service-${index()}`}>
                  <h3 id={`service-${index()}`}>{service.name}</h3>
                  <dl class="minutes-totals">
                    <div class={service.owed > 0 ? "owed" : "up-to-date"}>
                      <dt>{t("owedLabel")}</dt>
                      <dd>{service.owed > 0 ? t("minutesUnit", { n: service.owed }) : t("upToDateValue")}</dd>
                    </div>
                    <div>
                      <dt>{t("givenLabel")}</dt>
                      <dd>{t("givenValue", { delivered: service.delivered, required: service.recorded.required })}</dd>
                    </div>
                    <div>
                      <dt>{t("percentOfMinutes")}</dt>
                      <dd>{t("percentOfMinutesValue", { percent: percent(service.percentOfMinutes, lang()) })}</dd>
                    </div>
                    <Show when={service.notRecorded.weeks > 0}>
                      <div class="not-recorded">
                        <dt>{t("notRecordedLabel")}</dt>
                        <dd>{t("notRecordedValue", { weeks: service.notRecorded.weeks, minutes: service.notRecorded.required })}</dd>
                      </div>
                    </Show>
                    <Show when={service.inProgress}>
                      {(week) => (
                        <div class="in-progress">
                          <dt>{t("inProgressLabel")}</dt>
                          <dd>{t("inProgressValue", { delivered: week().delivered, required: week().required })}</dd>
                        </div>
                      )}
                    </Show>
                  </dl>
                  <MinutesChart
                    weeks={service.weeks.map((w) => ({
                      label: weekShort(w.week),
                      required: w.state === "future" ? null : w.required,
                      delivered: w.recorded ? w.delivered : null,
                      notRecorded: w.state === "ended" && !w.recorded && w.required > 0,
                      inProgress: w.state === "in_progress",
                    }))}
                    describedBy={`service-table-${index()}`}
                  />
                  <DataTable
                    id={`service-table-${index()}`}
                    caption={t("chartCaption", { service: service.name })}
                    rows={service.weeks}
                    columns={[
                      { label: t("colWeek"), rowHeader: true, cell: (row) => weekLabel(row) },
                      { label: t("colRequired"), cell: (row) => t("minutesUnit", { n: row.required }) },
                      {
                        label: t("colDelivered"),
                        cell: (row) => givenCell(row),
                        cellClass: (row) => (!row.recorded && row.state === "ended" && row.required > 0 ? "not-recorded" : undefined),
                      },
                      { label: t("colSessionsMissed"), cell: (row) => (row.recorded ? missedText(row) : "—") },
                      { label: t("colOwed"), cell: (row) => t("minutesUnit", { n: row.balance }) },
                    ]}
                  />
                  <Show when={props.data.detail.can.fileConcern}>
                    <p>
                      <A href={concernHref(studentId(), service.serviceId)}>{t("raiseConcernAboutItem", { item: service.name })}</A>
                    </p>
                  </Show>
                </section>
              )}
            </For>
          </section>
        </Show>
        <Show when={supports().length > 0}>
          <section aria-labelledby="supports-title">
            <h2 id="supports-title">{t("supportsTitle")}</h2>
            <p>{t("supportsHow")}</p>
            <ul class="support-list">
              <For each={supports()}>
                {(item) => (
                  <li class="support">
                    <p class="support-text">{item.text}</p>
                    <p>
                      {item.answered > 0 ? (
                        <strong>
                          {t("supportSummary", { provided: item.provided, answered: item.answered, percent: percent(item.percentOfReports, lang()) })}
                        </strong>
                      ) : (
                        t("supportNoAnswers")
                      )}
                    </p>
                    <p class="muted">{missTally(item)}</p>
                    <Show when={item.inProgress}>
                      {(week) => <p class="muted">{t("supportInProgress", { answered: week().answered, expected: week().expected })}</p>}
                    </Show>
                    <Show when={props.data.detail.can.fileConcern}>
                      <A href={concernHref(studentId(), item.itemId)}>
                        {t("raiseConcernAboutThis")}
                        <span class="visually-hidden">: {item.text}</span>
                      </A>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
        <p>
          <a href={studentCsvHref(studentId(), { from: props.data.from, to: props.data.to })} download="">
            {t("downloadCsv")}
          </a>
        </p>
      </Show>
    </>
  );
}
