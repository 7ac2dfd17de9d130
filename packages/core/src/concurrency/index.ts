/**
 * Runs `run` over `items` with at most `limit` calls in flight, and answers the results in the items'
 * order: a bounded number of reads or writes at once, whatever the list's length. A new call starts as
 * soon as one finishes (not batch by batch), so one slow call holds up only its own slot. The first
 * failure rejects the whole; calls already started run to their end. Pure: the web uses it too.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`mapLimit needs a whole limit of at least 1, got ${limit}`);
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
