import { A, useLocation, useParams } from "../router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, call, isStatus } from "../api";
import { t, tCode, tn } from "../i18n";
import "../strings/access-log";
import "../strings/pages";
import "../strings/audit";
import "../strings/people";
import "../strings/codes";
import { formatDateTime } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { DataTable } from "../components/data-table";
import { AccessDeniedContent, NotFoundContent } from "./not-found";
import { useSession } from "../session";

interface Filters {
  kind: "" | "opened" | "listed";
  actorId: string;
  hideMine: boolean;
}

const loadAudit = (studentId: string, filters: Filters, cursor: string) => {
  const query = {
    studentId,
    ...(cursor && { cursor }),
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.actorId && { actorId: filters.actorId }),
    ...(filters.hideMine && { hideMine: "1" as const }),
  };
  return call(api.audit.$get({ query }));
};
type AuditItem = Awaited<ReturnType<typeof loadAudit>>["items"][number];

/**
 * "Who viewed this record": every read and write of the student's records, newest first, a page at
 * a time from the API, filtered there. The student's name comes with the link that led here:
 * fetching the record for it would add a "viewed the record" line of its own to the very log the
 * parent is reading.
 */
export function Audit() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const myId = () => session.me()?.user.id;
  const location = useLocation<{ name?: string }>();
  const [filters, setFilters] = createSignal<Filters>({ kind: "", actorId: "", hideMine: false });
  const [cursor, setCursor] = createSignal({ filters: filters(), from: "" });
  const [items, setItems] = createSignal<AuditItem[]>([]);
  // Everyone seen so far, so the reader can pick one person's entries.
  const [people, setPeople] = createSignal(new Map<string, string>());
  const [page, { refetch }] = createResource(
    () => ({ id: params.id, filters: filters(), from: cursor().filters === filters() ? cursor().from : "" }),
    async ({ id, filters: current, from }) => {
      const result = await loadAudit(id, current, from);
      setItems((earlier) => (from ? [...earlier, ...result.items] : result.items));
      setPeople((known) => new Map([...known, ...result.items.map((e) => [e.actorId, e.actorName] as const)]));
      return result;
    },
  );
  const name = () => location.state?.name;
  const title = () => (name() ? t("auditTitle", { name: name()! }) : t("auditTitlePlain"));
  const next = () => (page.state === "ready" ? page()?.cursor : undefined);
  const filtered = () => !!(filters().kind || filters().actorId || filters().hideMine);
  const change = (patch: Partial<Filters>) => setFilters({ ...filters(), ...patch });
  usePageTitle(title);
  const filtersAndLog = () => (
    <>
      <h1>{title()}</h1>
      <p>{t("auditIntro")}</p>
      <p>
        <A href={`/students/${params.id}`}>{name() ? t("backToStudent", { name: name()! }) : t("backToRecord")}</A>
      </p>
      <form class="filters" aria-label={t("auditFilters")} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="audit-kind">{t("auditKind")}</label>
          <select id="audit-kind" onChange={(e) => change({ kind: e.currentTarget.value as Filters["kind"] })}>
            <option value="">{t("auditKindAll")}</option>
            <option value="opened">{t("auditKindOpened")}</option>
            <option value="listed">{t("auditKindListed")}</option>
          </select>
        </div>
        <div class="field">
          <label for="audit-person">{t("auditPerson")}</label>
          <select id="audit-person" onChange={(e) => change({ actorId: e.currentTarget.value })}>
            <option value="">{t("auditPersonAll")}</option>
            <For each={[...people()].sort(([, a], [, b]) => a.localeCompare(b))}>
              {([id, who]) => (
                <option value={id} selected={id === filters().actorId}>
                  {id === myId() ? `${who} (${t("you")})` : who}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="check">
          <input id="audit-hide-mine" type="checkbox" onChange={(e) => change({ hideMine: e.currentTarget.checked })} />
          <label for="audit-hide-mine">{t("auditHideMine")}</label>
        </div>
      </form>
      <Loaded resource={page} what={t("whatAudit")} onRetry={refetch}>
        {() => (
          <>
            <p role="status" class="muted">
              {tn(filtered() ? "auditShownFiltered" : "auditShown", items().length)}
            </p>
            <Show when={items().length > 0} fallback={<p class="empty">{next() ? t("auditNoneYet") : filtered() ? t("auditNoMatch") : t("noAudit")}</p>}>
              <AuditTable items={items()} myId={myId()} />
            </Show>
            <Show when={next()}>
              {(from) => (
                <button type="button" class="button-secondary" onClick={() => setCursor({ filters: filters(), from: from() })}>
                  {t("showOlder")}
                </button>
              )}
            </Show>
          </>
        )}
      </Loaded>
    </>
  );
  const closed = () => (isStatus(page.error, 404) ? "404" : isStatus(page.error, 403) ? "403" : undefined);

  return (
    <Switch>
      <Match when={closed() === "404"}>
        <NotFoundContent />
      </Match>
      <Match when={closed() === "403"}>
        <AccessDeniedContent />
      </Match>
      <Match when={!closed()}>{filtersAndLog()}</Match>
    </Switch>
  );
}

function AuditTable(props: { items: AuditItem[]; myId?: string }) {
  const session = useSession();
  const timeZone = () => session.me()?.district.timeZone ?? "America/Los_Angeles";
  return (
    <DataTable
      caption={t("auditCaption")}
      rows={props.items}
      columns={[
        { label: t("colWhen"), cell: (entry) => <time datetime={entry.at}>{formatDateTime(entry.at, timeZone())}</time> },
        {
          label: t("colWho"),
          cell: (entry) => (
            <>
              {entry.systemReason ? `Fidelio (${tCode("system", entry.systemReason)})` : entry.actorName}
              {entry.actorId === props.myId ? ` (${t("you")})` : ""}
              <span class="detail">{entry.actorRoles.map((role) => tCode("role", role)).join(", ")}</span>
            </>
          ),
        },
        { label: t("colWhat"), cell: (entry) => tCode("action", entry.action) },
        { label: t("colWhy"), cell: (entry) => tCode("reason", entry.reason) },
      ]}
    />
  );
}
