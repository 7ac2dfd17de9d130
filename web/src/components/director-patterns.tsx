import { A } from "../router";
import { createResource, For, Show } from "solid-js";
import { patternSentence } from "@fidelio/core/patterns/describe";
import { api, call } from "../api";
import { formatDate } from "../format";
import { weekStart } from "@fidelio/core/fidelity/week";
import { lang, t } from "../i18n";
import "../strings/patterns";
import "../strings/help";
import { Loaded } from "./loaded";

export const loadPatterns = () => call(api.reports.patterns.$get({ query: {} }));
type Found = Awaited<ReturnType<typeof loadPatterns>>["patterns"][number];

/** Where a pattern's evidence is: each concern it counts, or the fidelity report of its school, teacher and weeks. */
function evidenceLinks(p: Found) {
  if (p.kind === "repeat_concerns") return p.evidence.map((id, i) => ({ href: `/concerns/${id}`, label: t("patterns.concern", { n: i + 1 }) }));
  const query = new URLSearchParams({ schoolId: p.schoolId, from: p.since, to: p.week, ...(p.teacherId && { teacherId: p.teacherId }) });
  return [{ href: `/reports/fidelity?${query}`, label: t("patterns.evidence", { count: p.evidence.length }) }];
}

/** The director's home: the patterns of the last four weeks, each in one sentence with a way to its evidence. */
export function DirectorPatterns() {
  const [patterns, { refetch }] = createResource(loadPatterns);
  return (
    <section aria-labelledby="patterns-title">
      <h2 id="patterns-title">{t("patterns.title")}</h2>
      <p>{t("patterns.blurb")}</p>
      <Loaded resource={patterns} what={t("patterns.what")} onRetry={refetch}>
        {(loaded) => (
          <>
            <p class="help-counts">
              {t("help.counts", { open: loaded().helpRequests.open, pastDue: loaded().helpRequests.pastDue, resolved: loaded().helpRequests.resolved })}
            </p>
            <Show when={loaded().patterns.length} fallback={<p>{t("patterns.none")}</p>}>
              <Show when={loaded().truncated}>
                <p class="notice">{t("patterns.truncated", { date: formatDate(weekStart(loaded().completeFrom)) })}</p>
              </Show>
              <ul class="patterns">
                <For each={loaded().patterns}>
                  {(p) => (
                    <li data-kind={p.kind}>
                      <p>{patternSentence(lang(), p, formatDate)}</p>
                      <ul class="inline-links" aria-label={t("patterns.evidenceLabel")}>
                        <For each={evidenceLinks(p)}>
                          {(link) => (
                            <li>
                              <A href={link.href}>{link.label}</A>
                            </li>
                          )}
                        </For>
                      </ul>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Loaded>
    </section>
  );
}
