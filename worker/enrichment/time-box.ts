/**
 * A time box: the answer of a promise if it comes within `ms`, else undefined. The promise goes
 * on (its answer can still be used later); only the wait is cut short.
 */

/**
 * `work`'s value when it settles within `ms`, else undefined; a rejection counts as no answer.
 * @example const found = await within(lookupAccount(db, lead, config), 200);
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([work.catch(() => undefined), late]);
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}
