/** One case of a contract suite: run it with any test runner; it throws on a violation. */
export interface ContractCase {
  /** A stable key, the one a subject names to skip the case. */
  readonly id: string;
  /** A behavior sentence, usable as the test name. */
  readonly name: string;
  /** Runs the case; resolves when the adapter keeps the contract, rejects otherwise. */
  readonly run: () => Promise<void>;
  /** Why the adapter skips this case; a runner reports it skipped instead of running it. */
  readonly skip?: string;
}

/** A case before the subject's skip list is applied. */
export interface CaseDefinition<K extends string> {
  readonly id: K;
  readonly name: string;
  readonly run: () => Promise<void>;
}

/** Which cases an adapter skips, each with its reason. */
export type SkipReasons<K extends string> = Partial<Record<K, string>>;

/** The cases of a suite, each carrying the skip reason the subject gave for it, if any. */
export function withSkips<K extends string>(
  definitions: readonly CaseDefinition<K>[],
  skip: SkipReasons<K> = {},
): ContractCase[] {
  return definitions.map((definition) => {
    const reason = skip[definition.id];
    return reason === undefined ? { ...definition } : { ...definition, skip: reason };
  });
}
