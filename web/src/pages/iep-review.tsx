import { A, useParams, useSearchParams } from "../router";
import { createResource, For, Show } from "solid-js";
import { lang, t, type StringKey } from "../i18n";
import { missTally } from "../fidelity/miss-tally";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/pages";
import "../strings/review";
import { formatDate } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { helpedAnswers } from "@fidelio/core/fidelity/answers";
import { addDays } from "@fidelio/core/calendar";
import { weekStart } from "@fidelio/core/fidelity/week";
import { percent } from "../fidelity/summary";
import { loadIepReview, reviewCsvHref, type IepReview as Review } from "../fidelity/review";

/**
 * The IEP review summary, for the team's annual review: each support's delivery over the IEP
 * version's period and what teachers said about whether it helped. Every number is the API's (the
 * same computation as the fidelity page), never added up here.
 */
export function IepReview() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ version?: string }>();
  const [data, { refetch }] = createResource(
    () => ({ id: params.id, version: search.version }),
    ({ id, version }) => loadIepReview(id, version),
  );
  return (
    <Loaded resource={data} what={t("review.what")} onRetry={refetch}>
      {(loaded) => <ReviewView review={loaded()} />}
    </Loaded>
  );
}

const weekFrom = (week: string) => formatDate(weekStart(week));
const weekTo = (week: string) => formatDate(addDays(weekStart(week), 4));

function ReviewView(props: { review: Review }) {
  const r = () => props.review;
  usePageTitle(() => t("review.title", { name: r().student.name }));
  const period = () => {
    const { iep, from, to } = r();
    if (!iep || !from || !to) return "";
    const values = { version: iep.version, start: formatDate(iep.effectiveFrom), from: weekFrom(from), to: weekTo(to) };
    return iep.endsOn ? t("review.periodClosed", { ...values, end: formatDate(iep.endsOn) }) : t("review.periodOpen", values);
  };
  return (
    <>
      <p>
        <A href={`/students/${r().student.id}`}>{t("backToStudent", { name: r().student.name })}</A>
      </p>
      <h1>{t("review.title", { name: r().student.name })}</h1>
      <Show when={r().iep} fallback={<p class="empty">{t("review.noIep")}</p>}>
        <p>{t("review.intro")}</p>
        <p class="muted">{period()}</p>
        <Show when={r().truncated}>
          <p class="notice">{t("review.truncated")}</p>
        </Show>
        <Show when={r().services.length + r().accommodations.length > 0} fallback={<p class="empty">{t("review.nothingYet")}</p>}>
          <Show when={r().services.length > 0}>
            <section aria-labelledby="review-services">
              <h2 id="review-services">{t("review.servicesTitle")}</h2>
              <ul class="support-list">
                <For each={r().services}>
                  {(s) => (
                    <li class="support">
                      <p class="support-text">{s.name}</p>
                      <p>
                        <strong>
                          {s.recorded.weeks > 0
                            ? t("review.serviceRate", {
                                delivered: s.delivered,
                                required: s.recorded.required,
                                weeks: s.recorded.weeks,
                                percent: percent(s.percentOfMinutes, lang()),
                              })
                            : t("review.serviceNone")}
                        </strong>
                      </p>
                      <Show when={s.notRecorded.weeks > 0}>
                        <p class="muted">{t("review.serviceNotRecorded", { weeks: s.notRecorded.weeks, minutes: s.notRecorded.required })}</p>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
          <Show when={r().accommodations.length > 0}>
            <section aria-labelledby="review-supports">
              <h2 id="review-supports">{t("review.supportsTitle")}</h2>
              <p>{t("supportsHow")}</p>
              <ul class="support-list">
                <For each={r().accommodations}>
                  {(a) => (
                    <li class="support">
                      <p class="support-text">{a.text}</p>
                      <p>
                        <strong>
                          {a.answered > 0
                            ? t("supportSummary", { provided: a.provided, answered: a.answered, percent: percent(a.percentOfReports, lang()) })
                            : t("supportNoAnswers")}
                        </strong>
                      </p>
                      <p class="muted">{missTally(a)}</p>
                      <Show when={a.helped.provided > 0} fallback={<p class="muted">{t("review.helpedNone")}</p>}>
                        <p>{t("review.helpedTitle", { provided: a.helped.provided })}</p>
                        <ul class="helped-counts">
                          <For each={helpedAnswers}>
                            {(answer) => (
                              <li>
                                {t(`helped.${answer}` as StringKey)}: <strong>{a.helped[answer]}</strong>
                              </li>
                            )}
                          </For>
                          <li>
                            {t("review.helpedUnsaid")}: <strong>{a.helped.unanswered}</strong>
                          </li>
                        </ul>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
          <p>
            <a href={reviewCsvHref(r().student.id, r().iep?.version)} download="">
              {t("review.downloadCsv")}
            </a>
          </p>
        </Show>
      </Show>
    </>
  );
}
