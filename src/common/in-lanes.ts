/**
 * Runs `work` on each item, at most `lanes` at a time, in order of the list. After
 * the first failure no new item is taken (those in flight finish); the answer names
 * the items whose work succeeded and that first failure, so a caller can record what
 * was done before it rethrows.
 */
export async function inLanes<T>(items: T[], lanes: number, work: (item: T) => Promise<void>): Promise<{ done: T[]; failure: unknown }> {
  const done: T[] = [];
  let failure: unknown = null;
  let next = 0;
  const lane = async () => {
    while (next < items.length && failure === null) {
      const item = items[next++];
      try {
        await work(item);
        done.push(item);
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return { done, failure };
}
