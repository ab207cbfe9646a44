import type { NumberEvent } from "../domain/events.js";
import { NUMBER_STATES, type NumberState } from "../domain/states.js";
import type { Random } from "./random.js";

/** A set that can also hand out a random member in constant time. */
class IndexedSet {
  readonly #items: string[] = [];
  readonly #index = new Map<string, number>();

  get size(): number {
    return this.#items.length;
  }

  add(item: string): void {
    if (this.#index.has(item)) return;
    this.#index.set(item, this.#items.length);
    this.#items.push(item);
  }

  delete(item: string): void {
    const at = this.#index.get(item);
    if (at === undefined) return;
    const last = this.#items.pop() as string;
    this.#index.delete(item);
    if (last !== item) {
      this.#items[at] = last;
      this.#index.set(last, at);
    }
  }

  pick(random: Random): string | undefined {
    return this.#items.length === 0 ? undefined : this.#items[random.int(this.#items.length)];
  }
}

/** What the simulator knows of a number: its state and owner, as the last event left them. */
export interface KnownNumber {
  readonly state: NumberState;
  readonly owner: string | null;
}

/**
 * The simulator's view of the store, kept from the committed events (and from search answers
 * and sweep reports for offers, which emit none): which numbers exist, in which state, for
 * whom. Journeys draw their numbers from it; the summary counts states from it.
 */
export class WorldModel {
  readonly #numbers = new Map<string, KnownNumber>();
  readonly #byState = new Map<NumberState, IndexedSet>(
    NUMBER_STATES.map((s) => [s, new IndexedSet()]),
  );

  /** Numbers written before the first day, with no events. */
  seed(numbers: readonly string[], state: NumberState): void {
    for (const number of numbers) this.#set(number, { state, owner: null });
  }

  /** Follows one committed event. */
  apply(event: NumberEvent): void {
    if (event.to === null) this.#remove(event.number);
    else this.#set(event.number, { state: event.to, owner: event.owner_after });
  }

  /** A search reported an offer stored as a `discovery` record. */
  discovered(number: string): void {
    if (!this.#numbers.has(number)) this.#set(number, { state: "discovery", owner: null });
  }

  /** The sweep purged a number: an offer (no event) leaves the model here. */
  purged(number: string): void {
    if (this.#numbers.get(number)?.state === "discovery") this.#remove(number);
  }

  /** A number's known state and owner. */
  get(number: string): KnownNumber | undefined {
    return this.#numbers.get(number);
  }

  /** A random number in one of the states (a non-empty state chosen at random first). */
  pick(random: Random, states: readonly NumberState[]): string | undefined {
    const filled = states.filter((state) => (this.#byState.get(state)?.size ?? 0) > 0);
    if (filled.length === 0) return undefined;
    return this.#byState.get(random.pick(filled))?.pick(random);
  }

  /** How many numbers are in each state. */
  counts(): Record<NumberState, number> {
    return Object.fromEntries(
      NUMBER_STATES.map((state) => [state, this.#byState.get(state)?.size ?? 0]),
    ) as Record<NumberState, number>;
  }

  #set(number: string, known: KnownNumber): void {
    this.#remove(number);
    this.#numbers.set(number, known);
    this.#byState.get(known.state)?.add(number);
  }

  #remove(number: string): void {
    const known = this.#numbers.get(number);
    if (known === undefined) return;
    this.#byState.get(known.state)?.delete(number);
    this.#numbers.delete(number);
  }
}
