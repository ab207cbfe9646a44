import type { NumberRecord } from "../domain/record.js";
import { NUMBER_STATES, type NumberState } from "../domain/states.js";
import type { NumberRepository } from "../ports/repository.js";

/** Every record in a state, in number order, `pageSize` rows per read so a large store is never loaded at once. */
export async function* recordsInState(
  repository: NumberRepository,
  state: NumberState,
  pageSize: number,
): AsyncGenerator<NumberRecord> {
  for (let startKey: string | undefined; ;) {
    const page = await repository.listByState(state, {
      limit: pageSize,
      ...(startKey === undefined ? {} : { startKey }),
    });
    yield* page;
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return;
    startKey = `${last.number}\u0000`;
  }
}

/**
 * Every record of a repository in number order (as CouchDB's `_all_docs` lists ids): each
 * state's listing read a page at a time and merged. Records that change state while it runs may
 * be seen twice or not at all; export a store nobody writes to for an exact copy.
 */
export async function* allRecords(
  repository: NumberRepository,
  pageSize = 1000,
): AsyncGenerator<NumberRecord> {
  const streams = NUMBER_STATES.map((state) => recordsInState(repository, state, pageSize));
  const heads = await Promise.all(streams.map((stream) => stream.next()));
  for (;;) {
    let first: number | undefined;
    let lowest: NumberRecord | undefined;
    for (const [i, head] of heads.entries()) {
      if (head.done !== true && (lowest === undefined || head.value.number < lowest.number)) {
        first = i;
        lowest = head.value;
      }
    }
    const stream = first === undefined ? undefined : streams[first];
    if (first === undefined || lowest === undefined || stream === undefined) return;
    yield lowest;
    heads[first] = await stream.next();
  }
}
