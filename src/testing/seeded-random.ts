/** A deterministic pseudo-random source: the same seed gives the same sequence. */
export interface SeededRandom {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of the items (which must not be empty). */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy of the items. */
  shuffle<T>(items: readonly T[]): T[];
}

/** A seeded generator (mulberry32), so a failing contract run can be repeated exactly. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("cannot pick from nothing");
      return items[int(0, items.length - 1)] as T;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}
