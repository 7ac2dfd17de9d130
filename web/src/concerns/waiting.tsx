import { createResource, For, Show } from "solid-js";
import { t, tn } from "../i18n";
import "../strings/concerns";
import { formatInZone } from "../format";
import { useSession } from "../session";
import { Loaded } from "../components/loaded";
import { loadWaiting } from "./data";
import { ConcernName } from "./table";

/**
 * The home page's first section for anyone with concerns: what waits on the reader, soonest deadline
 * first, each naming the concern and the date to act by, on the district's clock with its zone.
 */
export function WaitingOnYou() {
  const session = useSession();
  const timeZone = () => session.me()?.district.timeZone ?? "America/Los_Angeles";
  const [waiting, { refetch }] = createResource(loadWaiting);
  return (
    <section aria-labelledby="waiting-title" class="waiting">
      <h2 id="waiting-title">{t("waitingTitle")}</h2>
      <Loaded resource={waiting} what={t("whatWaiting")} onRetry={refetch}>
        {(loaded) => (
          <Show when={loaded().count > 0} fallback={<p class="empty">{t("waitingNone")}</p>}>
            <p class="notice">{tn("waitingCount", loaded().count)}</p>
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
            </ul>
          </Show>
        )}
      </Loaded>
    </section>
  );
}
