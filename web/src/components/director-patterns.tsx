import { A } from "../router";
import { createResource, createSignal, For, Show } from "solid-js";
import { patternSentence } from "@fidelio/core/patterns/describe";
import { patternSubject } from "@fidelio/core/patterns/schema";
import { api, call } from "../api";
import { formatDate } from "../format";
import { weekStart } from "@fidelio/core/fidelity/week";
import { lang, t } from "../i18n";
import "../strings/patterns";
import "../strings/help";
import { errorText, Loaded } from "./loaded";

type Page = Awaited<ReturnType<typeof loadPage>>;
type Found = Page["patterns"][number];
/** The first page (the last four weeks), or the one after `previous`, for the same weeks. */
const loadPage = (previous?: { from: string; to: string; cursor: string }) =>
  call(
    api.reports.patterns.$get({
      query: previous ? { from: weekStart(previous.from), to: weekStart(previous.to), cursor: previous.cursor } : {},
    }),
  );

/** The pages read so far as one list: a pattern a later page finds again, in an earlier week, shows once, as first found. */
function together(pages: Page[]) {
  const seen = new Set<string>();
  const patterns = pages.flatMap((page) => page.patterns).filter((p) => !seen.has(patternSubject(p)) && seen.add(patternSubject(p)));
  return { patterns, last: pages.at(-1)! };
}

/** Where a pattern's evidence is: each concern it counts, or the fidelity report of its school, teacher and weeks. */
function evidenceLinks(p: Found) {
  if (p.kind === "repeat_concerns") return p.evidence.map((id, i) => ({ href: `/concerns/${id}`, label: t("patterns.concern", { n: i + 1 }) }));
  const query = new URLSearchParams({ schoolId: p.schoolId, from: p.since, to: p.week, ...(p.teacherId && { teacherId: p.teacherId }) });
  return [{ href: `/reports/fidelity?${query}`, label: t("patterns.evidence", { count: p.evidence.length }) }];
}

/** The director's home: the patterns of the last four weeks, each in one sentence with a way to its evidence. */
export function DirectorPatterns() {
  const [patterns, { refetch }] = createResource(() => loadPage());
  // Pages after the first, read with "Show more patterns"; a new first page starts them again.
  const [later, setLater] = createSignal<Page[]>([]);
  const [reading, setReading] = createSignal(false);
  const [moreError, setMoreError] = createSignal<unknown>();
  const reload = () => (setLater([]), refetch());
  async function showMore(last: Page) {
    setReading(true);
    setMoreError(undefined);
    try {
      const page = await loadPage({ from: last.from, to: last.to, cursor: last.cursor! });
      setLater((pages) => [...pages, page]);
    } catch (error) {
      setMoreError(error);
    } finally {
      setReading(false);
    }
  }
  return (
    <section aria-labelledby="patterns-title">
      <h2 id="patterns-title">{t("patterns.title")}</h2>
      <p>{t("patterns.blurb")}</p>
      <Loaded resource={patterns} what={t("patterns.what")} onRetry={reload}>
        {(first) => {
          const shown = () => together([first(), ...later()]);
          const loaded = () => ({ ...shown().last, patterns: shown().patterns });
          return (
            <>
              <Show when={first().helpRequests}>
                {(help) => <p class="help-counts">{t("help.counts", { open: help().open, pastDue: help().pastDue, resolved: help().resolved })}</p>}
              </Show>
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
                <p role="status" class="visually-hidden">
                  {later().length > 0 ? t("patterns.moreShown") : ""}
                </p>
                <Show when={moreError()}>
                  {(error) => (
                    <p class="alert" role="alert">
                      {errorText(error())}
                    </p>
                  )}
                </Show>
                <Show when={loaded().cursor}>
                  <button type="button" class="button-secondary" disabled={reading()} onClick={() => void showMore(shown().last)}>
                    {t("patterns.more")}
                  </button>
                </Show>
              </Show>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
