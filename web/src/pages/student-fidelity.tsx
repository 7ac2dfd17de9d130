import { A, useParams, useSearchParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { api, call } from "../api";
import { lang, t, type StringKey } from "../i18n";
import { formatDate } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { DataTable } from "../components/data-table";
import { MinutesChart } from "../components/minutes-chart";
import { fidelityApi, missedReasons, type ServiceWeek } from "../fidelity/client";
import { byAccommodation, byService, percent } from "../fidelity/summary";
import { addDays, isoWeek, shiftWeek, weekMonday } from "../fidelity/week";

/** Where "raise a concern about this" goes: the concern form (branch concern-ui), naming the item it is about. */
export const concernHref = (studentId: string, itemId: string) => `/students/${encodeURIComponent(studentId)}/concern?item=${encodeURIComponent(itemId)}`;

const periods = { "10": 10, "4": 4, year: 0 } as const;
type Period = keyof typeof periods;

/** The window asked for, as weeks (the API takes a date for its week): the school year starts in August. */
function range(period: Period) {
  const today = new Date();
  const to = isoWeek(today);
  if (period !== "year") return { from: shiftWeek(to, periods[period] - 1), to };
  const year = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
  return { from: `${year}-08-01`, to };
}

async function load(studentId: string, period: Period) {
  const { from, to } = range(period);
  const [detail, fidelity] = await Promise.all([call(api.students[":id"].$get({ param: { id: studentId } })), fidelityApi.student(studentId, from, to)]);
  return { detail, fidelity, from: fidelity.from, to: fidelity.to };
}

/** A student's weeks in plain language: supports provided, minutes given against required, what is owed. */
export function StudentFidelity() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ period?: string }>();
  const period = (): Period => (search.period && search.period in periods ? (search.period as Period) : "10");
  const [data, { refetch }] = createResource(() => ({ id: params.id, period: period() }), ({ id, period }) => load(id, period));
  return (
    <Loaded resource={data} what={t("whatFidelity")} onRetry={refetch}>
      {(loaded) => (
        <FidelityView data={loaded()} period={period()} onPeriod={(p) => setSearch({ period: p === "10" ? undefined : p })} />
      )}
    </Loaded>
  );
}

type Data = Awaited<ReturnType<typeof load>>;

const weekShort = (week: string) => new Intl.DateTimeFormat(lang(), { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${weekMonday(week)}T00:00:00Z`));

/** Missed sessions by reason: "2 (student absent), 1 (school closed)". */
const missedText = (row: ServiceWeek) =>
  missedReasons
    .filter((reason) => row.missed[reason])
    .map((reason) => t("missedCount", { count: row.missed[reason], reason: t(`why.${reason}` as StringKey) }))
    .join(", ") || "—";

function FidelityView(props: { data: Data; period: Period; onPeriod: (p: Period) => void }) {
  const student = () => props.data.detail.student;
  const services = () => byService(props.data.fidelity);
  const supports = () => byAccommodation(props.data.fidelity);
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
        {formatDate(weekMonday(props.data.from))} – {formatDate(addDays(weekMonday(props.data.to), 4))}
      </p>
      <Show when={services().length + supports().length > 0} fallback={<p class="empty">{t("noFidelity")}</p>}>
        <Show when={services().length > 0}>
          <section aria-labelledby="minutes-title">
            <h2 id="minutes-title">{t("minutesTitle")}</h2>
            <For each={services()}>
              {(service, index) => (
                <section class="service-block" aria-labelledby={`service-${index()}`}>
                  <h3 id={`service-${index()}`}>{service.name}</h3>
                  <p class={service.owed > 0 ? "owed" : "up-to-date"}>
                    {service.owed > 0
                      ? t("owedSummary", { service: service.name, owed: service.owed, delivered: service.delivered, required: service.required })
                      : t("upToDate", { service: service.name, delivered: service.delivered, required: service.required })}
                  </p>
                  <MinutesChart weeks={service.weeks.map((w) => ({ label: weekShort(w.week), required: w.required, delivered: w.delivered }))} describedBy={`service-table-${index()}`} />
                  <DataTable
                    id={`service-table-${index()}`}
                    caption={t("chartCaption", { service: service.name })}
                    rows={service.weeks}
                    columns={[
                      { label: t("colWeek"), rowHeader: true, cell: (row) => t("weekOf", { date: formatDate(weekMonday(row.week)) }) },
                      { label: t("colRequired"), cell: (row) => t("minutesUnit", { n: row.required }) },
                      { label: t("colDelivered"), cell: (row) => t("minutesUnit", { n: row.delivered }) },
                      { label: t("colSessionsMissed"), cell: (row) => missedText(row) },
                      { label: t("colUnaccounted"), cell: (row) => t("minutesUnit", { n: row.unaccounted }) },
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
            <ul class="support-list">
              <For each={supports()}>
                {(item) => (
                  <li class="support">
                    <p class="support-text">{item.text}</p>
                    <p>
                      <strong>{percent(item.fidelity, lang())}</strong> · {t("supportSummary", { provided: item.provided, answered: item.answered })}
                    </p>
                    <p class="muted">
                      {[
                        [t("supportPartly"), item.partly],
                        [t("supportNotProvided"), item.notProvided],
                        [t("supportNotApplicable"), item.notApplicable],
                        [t("supportNoForm"), item.noForm],
                      ]
                        .filter(([, n]) => n)
                        .map(([label, n]) => `${label}: ${n}`)
                        .join(" · ")}
                    </p>
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
          <a href={fidelityApi.studentCsv(studentId(), props.data.from, props.data.to)} download="">
            {t("downloadCsv")}
          </a>
        </p>
      </Show>
    </>
  );
}
