import { createResource, createSignal } from "solid-js";
import { api, call } from "../api";

const loadPage = (cursor: string) => call(api.students.$get({ query: cursor ? { cursor } : {} }));
export type StudentSummary = Awaited<ReturnType<typeof loadPage>>["items"][number];

/** The students the reader may see, a page at a time; `loadMore` appends the next page. */
export function createStudentList() {
  const [cursor, setCursor] = createSignal("");
  const [items, setItems] = createSignal<StudentSummary[]>([]);
  const [page] = createResource(cursor, async (from) => {
    const result = await loadPage(from);
    setItems((earlier) => (from ? [...earlier, ...result.items] : result.items));
    return result;
  });
  const nextCursor = () => (page.state === "ready" ? page()?.cursor : undefined);
  return {
    page,
    items,
    hasMore: () => !!nextCursor(),
    loadMore: () => {
      const next = nextCursor();
      if (next) setCursor(next);
    },
  };
}

export type StudentList = ReturnType<typeof createStudentList>;
