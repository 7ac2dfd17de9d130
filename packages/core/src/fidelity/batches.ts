/** Runs `run` over `list`, `size` at a time: a bounded number of reads in flight, whatever the list's length. */
export async function inBatches<T, R>(list: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += size) out.push(...(await Promise.all(list.slice(i, i + size).map(run))));
  return out;
}
