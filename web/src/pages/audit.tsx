import { A, useLocation, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { api, call } from "../api";
import { t, tCode } from "../i18n";
import { formatDateTime } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { useSession } from "../session";

const loadAudit = (studentId: string, cursor: string) =>
  call(api.audit.$get({ query: cursor ? { studentId, cursor } : { studentId } }));
type AuditItem = Awaited<ReturnType<typeof loadAudit>>["items"][number];

/**
 * "Who viewed this record": every read and write of the student's records, newest first.
 * The student's name comes with the link that led here: fetching the record for it would add
 * a "viewed the record" line of its own to the very log the parent is reading.
 */
export function Audit() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const myId = () => session.me()?.user.id;
  const location = useLocation<{ name?: string }>();
  const [cursor, setCursor] = createSignal("");
  const [items, setItems] = createSignal<AuditItem[]>([]);
  const [page] = createResource(
    () => ({ id: params.id, from: cursor() }),
    async ({ id, from }) => {
      const result = await loadAudit(id, from);
      setItems((earlier) => (from ? [...earlier, ...result.items] : result.items));
      return result;
    },
  );
  const name = () => location.state?.name;
  const title = () => (name() ? t("auditTitle", { name: name()! }) : t("auditTitlePlain"));
  const next = () => (page.state === "ready" ? page()?.cursor : undefined);
  usePageTitle(title);

  return (
    <Loaded resource={page}>
      {() => (
        <>
          <h1>{title()}</h1>
          <p>{t("auditIntro")}</p>
          <p>
            <A href={`/students/${params.id}`}>{name() ? t("backToStudent", { name: name()! }) : t("backToRecord")}</A>
          </p>
          <Show when={items().length > 0} fallback={<p class="empty">{t("noAudit")}</p>}>
            <table class="stacked">
              <caption>{t("auditCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colWhen")}</th>
                  <th scope="col">{t("colWho")}</th>
                  <th scope="col">{t("colWhat")}</th>
                  <th scope="col">{t("colWhy")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={items()}>
                  {(entry) => (
                    <tr>
                      <td data-label={t("colWhen")}>
                        <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                      </td>
                      <td data-label={t("colWho")}>
                        {entry.actorName}
                        {entry.actorId === myId() ? ` (${t("you")})` : ""}
                        <span class="detail">{entry.actorRoles.map((role) => tCode("role", role)).join(", ")}</span>
                      </td>
                      <td data-label={t("colWhat")}>{tCode("action", entry.action)}</td>
                      <td data-label={t("colWhy")}>{tCode("reason", entry.reason)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={next()}>
              {(from) => (
                <button type="button" class="button-secondary" onClick={() => setCursor(from())}>
                  {t("showMore")}
                </button>
              )}
            </Show>
          </Show>
        </>
      )}
    </Loaded>
  );
}
