import { createResource, For, Show, type JSX } from "solid-js";
import { t, tn } from "../i18n";
import "../strings/concern-links";
import { formatInZone } from "../format";
import { useSession } from "../session";
import { Loaded } from "../components/loaded";
import { api, call } from "../api";
import { ConcernName } from "./name";
import { openToAnswer, type HelpResource } from "../help/data";

/** What waits on the reader: questions to answer, fixes to confirm, concerns to answer (GET /api/concerns/waiting). */
const loadWaiting = () => call(api.concerns.waiting.$get());

/**
 * The home page's first section for anyone with concerns: what waits on the reader, soonest deadline
 * first, each naming the concern and the date to act by, on the district's clock with its zone. For a
 * case manager, the help requests still to answer (`help`, shared with the help section, and listed by
 * `helpItems`) count and show here too, so the number always matches the list under it.
 */
export function WaitingOnYou(props: { help?: HelpResource; helpItems?: JSX.Element }) {
  const session = useSession();
  const timeZone = () => session.me()?.district.timeZone ?? "America/Los_Angeles";
  const [waiting, { refetch }] = createResource(loadWaiting);
  // The help lists once read (an error there is shown by the help section; here they then count nothing).
  const help = () => props.help?.[0];
  const helpSettled = () => help()?.state !== "unresolved" && help()?.state !== "pending";
  const helpOpen = () => (help()?.state === "errored" ? [] : openToAnswer(help()?.latest));
  return (
    <section aria-labelledby="waiting-title" class="waiting">
      <h2 id="waiting-title">{t("waitingTitle")}</h2>
      <Loaded resource={waiting} what={t("whatWaiting")} onRetry={refetch}>
        {(loaded) => (
          <Show when={helpSettled()}>
            <Show when={loaded().count + helpOpen().length > 0} fallback={<p class="empty">{t("waitingNone")}</p>}>
              <p class="notice">{tn("waitingCount", loaded().count + helpOpen().length)}</p>
              <ul class="waiting-list">
                <For each={loaded().items}>
                  {(item) => (
                    <li>
                      <p>
                        <ConcernName concern={item} />
                        <span class="muted"> · {item.studentName}</span>
                      </p>
                      <p>
                        {t(`waiting.${item.kind}` as "waiting.respond", {
                          name: item.studentName,
                          due: item.dueAt ? formatInZone(item.dueAt, timeZone()) : "—",
                        })}
                      </p>
                    </li>
                  )}
                </For>
                <Show when={helpOpen().length > 0}>{props.helpItems}</Show>
              </ul>
            </Show>
          </Show>
        )}
      </Loaded>
    </section>
  );
}
