import type { QueryPage } from "./client";

/**
 * A page of the items that pass `keep`, read through a key-ordered Query without ever scanning the
 * whole partition: at most `maxReads` Queries, each asking only for as many items as the page still
 * lacks, so the page never holds more than `pageSize` and the cursor resumes right after the last
 * item read. With no filter it is exactly one Query. A sparse filter may return a short (even empty)
 * page with a cursor: the caller shows "show more" and the next request searches further back.
 */
export async function filteredPage<T>(
  read: (cursor: string | undefined, limit: number) => Promise<QueryPage<T>>,
  options: { pageSize: number; cursor?: string; keep?: (item: T) => boolean; maxReads?: number },
): Promise<QueryPage<T> & { reads: number }> {
  const { pageSize, keep, maxReads = 4 } = options;
  const items: T[] = [];
  let cursor = options.cursor;
  let reads = 0;
  do {
    const page = await read(cursor, pageSize - items.length);
    reads += 1;
    items.push(...(keep ? page.items.filter(keep) : page.items));
    cursor = page.cursor;
  } while (keep && cursor && items.length < pageSize && reads < maxReads);
  return { items, cursor, reads };
}
