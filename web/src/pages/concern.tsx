import { A, useLocation, useParams } from "../router";
import { createResource, createSignal, For, Show } from "solid-js";
import { t } from "../i18n";
import "../strings/concern-page";
import { formatDate, formatInZone } from "../format";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { loadConcern, stateWords, type ConcernView } from "../concerns/data";
import { ConcernTimeline } from "../concerns/timeline";
import { ConcernActions } from "../concerns/actions";
import { ConcernClocks } from "../concerns/clocks";
import { EmailFlag } from "../components/email-flag";

/** One concern: where it is, who has it, by when, its timeline, and what the reader may do now. */
export function Concern() {
  const params = useParams<{ id: string }>();
  const location = useLocation<{ filed?: boolean }>();
  const session = useSession();
  const [concern, { refetch, mutate }] = createResource(() => params.id, loadConcern);
  const [notice, setNotice] = createSignal<{ kind: "done" | "stale" } | undefined>();
  const timeZone = () => session.me()?.district.timeZone ?? "America/Los_Angeles";
  usePageTitle(() =>
    concern.state === "ready" ? [concern()!.reference, t("concernTitle", { name: concern()!.studentName })].filter(Boolean).join(" · ") : t("whatConcern"),
  );

  const done = (after: ConcernView) => {
    mutate(after);
    setNotice({ kind: "done" });
    document.getElementById("concern-notice")?.focus();
  };
  const stale = async () => {
    await refetch();
    setNotice({ kind: "stale" });
    document.getElementById("concern-notice")?.focus();
  };

  return (
    <Loaded resource={concern} what={t("whatConcern")} onRetry={refetch}>
      {(loaded) => (
        <>
          <h1>{t("concernTitle", { name: loaded().studentName })}</h1>
          <p class="lead">
            <Show when={loaded().reference}>
              <span class="concern-ref">{loaded().reference}</span>{" "}
            </Show>
            {loaded().subject}
          </p>
          <Show when={location.state?.filed}>
            <div class="notice" role="status">
              <p>
                <strong>{t("filedTitle")}</strong>
              </p>
              <p>{t("filedReference", { id: loaded().reference ?? loaded().id })}</p>
            </div>
          </Show>
          <div id="concern-notice" tabindex="-1">
            <Show when={notice()}>
              {(shown) =>
                shown().kind === "done" ? (
                  <p role="status">{t("actionDone", { state: stateWords(loaded()) })}</p>
                ) : (
                  <p class="alert" role="alert">
                    {t("actionStale", { state: stateWords(loaded()) })}
                  </p>
                )
              }
            </Show>
          </div>
          <dl class="facts">
            <div>
              <dt>{t("whereItIs")}</dt>
              <dd>{stateWords(loaded())}</dd>
            </div>
            <div>
              <dt>{t("whoHasIt")}</dt>
              <dd>
                {loaded().status === "closed" ? "—" : (loaded().assignee?.name ?? t("nobodyYet"))}
                <Show when={loaded().status !== "closed"}>
                  <EmailFlag flag={loaded().assignee?.emailUndeliverable} />
                </Show>
              </dd>
            </div>
            <Show when={loaded().status !== "closed"}>
              <div>
                <dt>{t("byWhen")}</dt>
                <dd>{loaded().dueAt ? t("dueInZone", { when: formatInZone(loaded().dueAt!, timeZone()) }) : t("noDeadline")}</dd>
              </div>
            </Show>
            <div>
              <dt>{t("reference")}</dt>
              <dd class="reference">{loaded().reference ?? loaded().id}</dd>
            </div>
          </dl>
          <ConcernActions concern={loaded()} timeZone={timeZone()} me={session.me()?.user.id} onDone={done} onStale={stale} />
          <ConcernClocks concern={loaded()} timeZone={timeZone()} onDone={done} onStale={stale} />
          <section aria-labelledby="about-title">
            <h2 id="about-title">{t("aboutTitle")}</h2>
            <dl class="facts">
              <div>
                <dt>{t("filedBy")}</dt>
                <dd>
                  {loaded().parent.name}
                  <EmailFlag flag={loaded().parent.emailUndeliverable} />
                </dd>
              </div>
              <Show when={loaded().items.length > 0}>
                <div>
                  <dt>{t("supportsNamed")}</dt>
                  <dd>
                    <ul class="named-supports">
                      <For each={loaded().items}>{(item) => <li>{item.text}</li>}</For>
                    </ul>
                  </dd>
                </div>
              </Show>
              <Show when={loaded().className}>
                <div>
                  <dt>{t("inClass")}</dt>
                  <dd>{loaded().className}</dd>
                </div>
              </Show>
              <Show when={loaded().happenedOn}>
                <div>
                  <dt>{t("happenedOn")}</dt>
                  <dd>{formatDate(loaded().happenedOn!)}</dd>
                </div>
              </Show>
              <div>
                <dt>{t("description")}</dt>
                <dd class="prose">{loaded().description}</dd>
              </div>
              <Show when={loaded().desiredResolution}>
                <div>
                  <dt>{t("desiredResolution")}</dt>
                  <dd class="prose">{loaded().desiredResolution}</dd>
                </div>
              </Show>
            </dl>
          </section>
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t("timelineTitle")}</h2>
            <ConcernTimeline events={loaded().timeline} timeZone={timeZone()} />
          </section>
          <p>
            <A href="/concerns">{t("backToConcerns")}</A>
          </p>
        </>
      )}
    </Loaded>
  );
}
