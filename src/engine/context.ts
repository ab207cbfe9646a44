import { randomBytes } from "node:crypto";
import type { Account, AccountLookup } from "../domain/accounts.js";
import { compileClassifiers, type Classifiers } from "../domain/classifiers.js";
import { carrierName, resolveConfig, type EngineConfig } from "../domain/config.js";
import { unwrap, type Result } from "../domain/errors.js";
import { compileNumberRules, type NumberRules } from "../domain/normalization.js";
import type { AccountDirectory } from "../ports/accounts.js";
import type { Carrier } from "../ports/carrier.js";
import type { Clock } from "../ports/clock.js";
import type { E911Provider } from "../ports/e911.js";
import type { Phonebook } from "../ports/phonebook.js";
import type { PortRequestRepository } from "../ports/port-requests.js";
import type {
  CommitBatch,
  NumberRepository,
  NumberWrite,
  StoredNumber,
} from "../ports/repository.js";
import type { Awaitable } from "../ports/awaitable.js";
import { TRANSITION_TABLE, type TransitionTable } from "../machine/transition-table.js";
import { run, wait, type Flow } from "./flow.js";
import { EventBus, type SubscriberErrorHandler } from "./event-bus.js";
import { KeyedLock } from "./keyed-lock.js";
import { retryOnConflict } from "./retry.js";
import type { UnitOfWork } from "./unit-of-work.js";

/** What an engine is built from: its ports, its carriers and its settings. */
export interface EngineDeps {
  readonly repository: NumberRepository;
  readonly accounts: AccountDirectory;
  readonly clock: Clock;
  /** The carrier registry: every carrier module the engine may use, by name. */
  readonly carriers: readonly Carrier[];
  /** The locality back end; absent means none is set up. */
  readonly phonebook?: Phonebook | undefined;
  /** The E911 back end; absent means addresses are stored as submitted. */
  readonly e911?: E911Provider | undefined;
  /** Settings overriding the defaults of spec/config.md. */
  readonly config?: Partial<EngineConfig> | undefined;
  /** The transition table; defaults to the one derived from the lifecycle machine. */
  readonly transitions?: TransitionTable | undefined;
  /** Where port requests are read; the repository's `commit` writes them. Absent: none exist. */
  readonly portRequests?: PortRequestRepository | undefined;
  /** The source of new port request ids (32 lowercase hex); default random. */
  readonly newId?: (() => string) | undefined;
  /** Told when an event subscriber throws or rejects (default: a console warning); never raised. */
  readonly onSubscriberError?: SubscriberErrorHandler | undefined;
}

const randomId = (): string => randomBytes(16).toString("hex");

/** Reads accounts and their ancestors, each once, from the directory (undefined: it has none). */
function* readAccounts(
  directory: AccountDirectory,
  ids: readonly (string | undefined)[],
  known: (id: string) => boolean = () => false,
): Flow<Map<string, Account | undefined>> {
  const read = new Map<string, Account | undefined>();
  const pending = ids.filter((id): id is string => Boolean(id));
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (read.has(id) || known(id)) continue;
    const account = yield* wait(directory.get(id));
    read.set(id, account);
    if (account === undefined) continue;
    for (const ancestor of account.tree) if (!read.has(ancestor)) pending.push(ancestor);
  }
  return read;
}

/** Loads accounts and their ancestors, each once, into a lookup. */
function* loadAccounts(
  directory: AccountDirectory,
  ids: readonly (string | undefined)[],
): Flow<AccountLookup> {
  const read = yield* readAccounts(directory, ids);
  return (id) => read.get(id);
}

/**
 * The accounts of one request (a collection's passes): each read from the directory once, so
 * every number of the request is decided on the same view of them. Only whole reads (an
 * account with all its ancestors) are kept; a read that failed leaves nothing behind.
 */
class AccountMemo {
  readonly #accounts = new Map<string, Account | undefined>();
  /** One lookup over every account read so far (accounts are only ever added). */
  readonly lookup: AccountLookup = (id) => this.#accounts.get(id);

  /** The lookup when every id (and so its ancestors) was read, else reads the missing ones first. */
  accounts(
    directory: AccountDirectory,
    ids: readonly (string | undefined)[],
  ): Awaitable<AccountLookup> {
    for (const id of ids) {
      if (id && !this.#accounts.has(id)) return run(this.#read(directory, ids));
    }
    return this.lookup;
  }

  *#read(directory: AccountDirectory, ids: readonly (string | undefined)[]): Flow<AccountLookup> {
    const read = yield* readAccounts(directory, ids, (id) => this.#accounts.has(id));
    for (const [id, account] of read) this.#accounts.set(id, account);
    return this.lookup;
  }
}

/** True when `lookup` has every named account. */
function knowsAll(lookup: AccountLookup, ids: readonly (string | undefined)[]): boolean {
  for (const id of ids) if (id && lookup(id) === undefined) return false;
  return true;
}

/** Reads nothing: the port requests of an engine built without a port request store. */
const NO_PORT_REQUESTS: PortRequestRepository = {
  getPortRequest: () => Promise.resolve(undefined),
  findPortRequests: () => Promise.resolve([]),
};

/** The engine's shared state: ports, compiled settings, the carrier registry, per-number locks. */
export class EngineContext {
  readonly config: EngineConfig;
  readonly rules: NumberRules;
  readonly classifiers: Classifiers;
  readonly carriers: ReadonlyMap<string, Carrier>;
  readonly transitions: TransitionTable;
  readonly lock = new KeyedLock();
  readonly portRequests: PortRequestRepository;
  readonly newId: () => string;
  /** Delivers committed events to in-process subscribers. */
  readonly bus: EventBus;
  /** The unit of work this context stages its writes in; undefined: each write commits at once. */
  readonly unit: UnitOfWork | undefined = undefined;

  /** Validates the settings and compiles regexes once; throws on bad settings or duplicate carriers. */
  constructor(readonly deps: EngineDeps) {
    this.config = unwrap(resolveConfig(deps.config ?? {}));
    this.rules = compileNumberRules(this.config.e164_converters, this.config.reconcile_regex);
    this.classifiers = compileClassifiers(this.config.classifiers);
    const carriers = new Map<string, Carrier>();
    for (const carrier of deps.carriers) {
      if (carriers.has(carrier.name)) throw new Error(`carrier ${carrier.name} registered twice`);
      carriers.set(carrier.name, carrier);
    }
    this.carriers = carriers;
    this.transitions = deps.transitions ?? TRANSITION_TABLE;
    this.portRequests = deps.portRequests ?? NO_PORT_REQUESTS;
    this.newId = deps.newId ?? randomId;
    this.bus = new EventBus(deps.onSubscriberError);
  }

  /** The accounts read for the request this context serves; undefined: read on every lookup. */
  readonly accountMemo: AccountMemo | undefined = undefined;

  /** The same engine state reading each account once for a whole request (a collection call). */
  withAccountMemo(): EngineContext {
    return Object.create(this, { accountMemo: { value: new AccountMemo() } }) as EngineContext;
  }

  /** The same engine state with writes staged in `unit` instead of committed one by one. */
  withUnit(unit: UnitOfWork): EngineContext {
    return Object.create(this, { unit: { value: unit } }) as EngineContext;
  }

  /** Reads a number's record as this context sees it (its unit's staged writes first). */
  read(number: string): Awaitable<StoredNumber | undefined> {
    const unit = this.unit;
    if (unit?.has(number) === true) return unit.view(number);
    return this.deps.repository.get(number);
  }

  /** Commits one write, or stages it in this context's unit of work. */
  commitWrite(write: NumberWrite): Awaitable<void> {
    if (this.unit === undefined) return this.commit({ writes: [write] });
    this.unit.stage(write);
  }

  /** Commits a batch, or stages all of it in this context's unit of work (whose commit keeps an idempotent answer with it). */
  async commitOrStage(batch: CommitBatch): Promise<void> {
    if (this.unit === undefined) await this.commit(batch);
    else this.unit.stageBatch(batch);
  }

  /** Commits a batch to the repository, then hands its events to the subscribers. */
  commit(batch: CommitBatch): Awaitable<void> {
    const revisions = this.deps.repository.commit(batch);
    if (revisions instanceof Promise)
      return revisions.then((stamped) => this.bus.publish(batch, stamped));
    this.bus.publish(batch, revisions);
  }

  /** The carrier of a module name (`knm_` prefix optional), if registered. */
  carrier(module: string): Carrier | undefined {
    return this.carriers.get(carrierName(module));
  }

  /**
   * Runs an operation on one number under its lock, re-deciding it (bounded) when its SAVE
   * lost a revision race to a writer outside this engine. Synchronous when the lock is free
   * and the operation's ports answer synchronously.
   */
  exclusive<T>(number: string, attempt: () => Flow<Result<T>>): Awaitable<Result<T>> {
    return this.lock.run(number, () => run(retryOnConflict(attempt)));
  }

  /** The clock's current time in Gregorian seconds. */
  now(): number {
    return this.deps.clock.now();
  }

  /**
   * Loads the named accounts and their ancestors into a synchronous lookup; `known` (a lookup
   * the operation already holds) is returned as it is when it has every named account.
   */
  accountLookup(
    ids: readonly (string | undefined)[],
    known?: AccountLookup,
  ): Awaitable<AccountLookup> {
    if (known !== undefined && knowsAll(known, ids)) return known;
    const memo = this.accountMemo;
    if (memo !== undefined) return memo.accounts(this.deps.accounts, ids);
    return run(loadAccounts(this.deps.accounts, ids));
  }
}
