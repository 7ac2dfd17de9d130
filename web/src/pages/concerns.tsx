import { A } from "../router";
import { createResource, createSignal, Show } from "solid-js";
import { t, tn } from "../i18n";
import "../strings/concerns";
import "../strings/concern-board";
import { ConcernSearch } from "../concerns/search";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { loadConcerns, type ConcernSummary } from "../concerns/data";
import { ConcernTable } from "../concerns/table";
import { AccessDeniedContent } from "./not-found";

// Due soonest first; a concern with no deadline (with the advocate, waiting for someone) after those with one.
const byDue = (a: ConcernSummary, b: ConcernSummary) => (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999") || b.createdAt.localeCompare(a.createdAt);

/** The concerns the reader may see: open ones by deadline, then closed ones; a page at a time. */
export function Concerns() {
  const session = useSession();
  const staff = () => !session.can("viewMyChildren") && !session.can("viewEscalationBoard");
  const title = () => (staff() ? t("myConcernsTitle") : t("concernsTitle"));
  usePageTitle(title);
  return (
    <Show when={session.can("viewConcerns")} fallback={<AccessDeniedContent />}>
      <h1>{title()}</h1>
      <p>
        {session.can("viewEscalationBoard")
          ? t("concernsIntroDirector")
          : session.can("viewHandedOverConcerns")
            ? t("concernsIntroAdvocate")
            : session.can("viewMyChildren")
              ? t("concernsIntroParent")
              : t("concernsIntroStaff")}
      </p>
      <Show when={session.can("viewEscalationBoard")}>
        <p>
          <A href="/escalations">{t("boardTitle")}</A>
        </p>
      </Show>
      <ConcernLists showPacket={session.can("viewHandedOverConcerns")} />
    </Show>
  );
}

/** Open and closed concerns as two tables; also the advocate's home section. */
export function ConcernLists(props: { showPacket?: boolean; empty?: string }) {
  const session = useSession();
  const timeZone = () => session.me()?.district.timeZone ?? "America/Los_Angeles";
  const [query, setQuery] = createSignal("");
  // A cursor belongs to the search it was read with: a new search starts again from the first page.
  const [cursor, setCursor] = createSignal({ q: "", from: "" });
  const [items, setItems] = createSignal<ConcernSummary[]>([]);
  const [page, { refetch }] = createResource(
    () => ({ q: query(), from: cursor().q === query() ? cursor().from : "" }),
    async ({ q, from }) => {
      const result = await loadConcerns({ ...(q && { q }), ...(from && { cursor: from }) });
      setItems((earlier) => (from ? [...earlier, ...result.items] : result.items));
      return result;
    },
  );
  const open = () =>
    items()
      .filter((c) => c.status !== "closed")
      .sort(byDue);
  const closed = () => items().filter((c) => c.status === "closed");
  const next = () => {
    const current = page.state === "ready" ? page() : undefined;
    return current && "cursor" in current && typeof current.cursor === "string" ? current.cursor : undefined;
  };
  return (
    <>
      <ConcernSearch id="concern-search" onSearch={setQuery} />
      <Loaded resource={page} what={t("whatConcerns")} onRetry={refetch}>
        {() => (
          <>
            <Show when={query()}>
              <p role="status" class="muted">
                {tn("concernsFound", items().length)}
              </p>
            </Show>
            <Show when={items().length > 0} fallback={<p class="empty">{query() ? t("noConcernsFound", { q: query() }) : (props.empty ?? t("noConcerns"))}</p>}>
              <Show when={open().length > 0} fallback={<p class="empty">{t("noOpenConcerns")}</p>}>
                <ConcernTable items={open()} caption={t("openConcernsCaption")} timeZone={timeZone()} showPacket={props.showPacket} />
              </Show>
              <Show when={closed().length > 0}>
                <ConcernTable items={closed()} caption={t("closedConcernsCaption")} timeZone={timeZone()} showPacket={props.showPacket} />
              </Show>
            </Show>
            <Show when={next()}>
              {(from) => (
                <button type="button" class="button-secondary" onClick={() => setCursor({ q: query(), from: from() })}>
                  {t("showMoreConcerns")}
                </button>
              )}
            </Show>
          </>
        )}
      </Loaded>
    </>
  );
}
