import { isSuperduperAdmin } from "../domain/accounts.js";
import { mayActOnAccount } from "../domain/authorization.js";
import { classify, listClassifiers } from "../domain/classifiers.js";
import { fail, unwrap, type Result } from "../domain/errors.js";
import type { JsonObject, JsonValue } from "../domain/json.js";
import { validateBatch } from "../domain/batch.js";
import type { NumberRecord } from "../domain/record.js";
import { toE164 } from "../domain/normalization.js";
import { runDryThenReal, runPass, type BatchOutcome } from "./collections.js";
import { UnitOfWork } from "./unit-of-work.js";
import { PortNumberConflictError } from "../ports/port-requests.js";
import { RevisionConflictError } from "../ports/repository.js";
import { CLAIM_LEASE_S, type ClaimOutcome, type KeptAnswer } from "../domain/idempotency.js";
import { EngineContext, type EngineDeps } from "./context.js";
import { engineEvents, type EngineEvents } from "./engine-events.js";
import { createNumber, type CreateRequest } from "./create.js";
import { listNumbers, type ListPage, type ListRequest } from "./listing.js";
import { checkNumbers, cityPrefixes, localityOf } from "./lookups.js";
import {
  activateNumber,
  inboundCall,
  releaseNumber,
  reserveNumber,
  type MoveToAccountRequest,
  type ReleaseRequest,
} from "./moves.js";
import {
  getNumber,
  identifyNumber,
  updateNumber,
  type GetRequest,
  type Identity,
  type UpdateRequest,
} from "./read-update.js";
import { searchNumbers, type SearchRequest } from "./search.js";
import { sweep, type SweepReport } from "./sweep.js";
import { reconcileNumber, type Reconciliation } from "./carrier-orders.js";
import { guarded, shielded } from "./shield.js";
import type { Awaitable } from "../ports/awaitable.js";
import { PortRequestService } from "./port-requests/service.js";
import { completeOnCall } from "./port-requests/hooks.js";

/** Contexts of scoped engines, handed to the constructor through a private deps object. */
const SCOPED = new WeakMap<EngineDeps, EngineContext>();

/** How many times an atomic unit runs when it keeps losing races. */
const UNIT_ATTEMPTS = 3;

/** A bulk request: the numbers (as given) and who asks. */
export interface BatchRequest {
  /** Validated like a collection body (errors.md §4). */
  readonly numbers: JsonValue | undefined;
  readonly requester: string;
}

/** A bulk create or activate: `acceptCharges` (the body's top-level `accept_charges`) skips the dry pass. */
export interface ChargedBatchRequest extends BatchRequest {
  readonly acceptCharges?: boolean | undefined;
}

/**
 * The number lifecycle engine: every operation of the phone_numbers API, each taking the
 * acting account explicitly and returning a Result (see {@link throwing} for throwing forms).
 *
 * @example
 * const engine = new NumberEngine({ repository, accounts, clock, carriers });
 * const created = await engine.create({ number: "4155550100", account: "acme", requester: "acme" });
 */
export class NumberEngine {
  readonly #ctx: EngineContext;

  /** Builds an engine over its ports; throws when the settings are invalid. */
  constructor(deps: EngineDeps) {
    this.#ctx = SCOPED.get(deps) ?? new EngineContext(deps);
  }

  /** An engine over the same state whose writes go to `unit` (its context, not a new one). */
  static #scoped(ctx: EngineContext): NumberEngine {
    const handle: EngineDeps = { ...ctx.deps };
    SCOPED.set(handle, ctx);
    return new NumberEngine(handle);
  }

  /**
   * Runs `work` with an engine whose writes are staged, then commits them in one batch, with the
   * answer `keep` derives from the result for an idempotency key (kept `idempotency_ttl_s`
   * seconds). After a lost race nothing was written and `work` runs again (at most three
   * times); a store failure is thrown.
   */
  async atomically<T>(
    work: (engine: NumberEngine) => Promise<T>,
    keep?: (result: T) => Omit<KeptAnswer, "expires"> | undefined,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const unit = new UnitOfWork();
      const result = await work(NumberEngine.#scoped(this.#ctx.withUnit(unit)));
      const answer = keep?.(result);
      const expires = this.#ctx.now() + this.#ctx.config.idempotency_ttl_s;
      try {
        await unit.commit(this.#ctx, answer ? [{ ...answer, expires }] : []);
        return result;
      } catch (thrown) {
        const lost =
          thrown instanceof RevisionConflictError || thrown instanceof PortNumberConflictError;
        if (!lost || attempt >= UNIT_ATTEMPTS) throw thrown;
      }
    }
  }

  /** Takes an idempotency key for a request of `account` (extensions.md X2), or reports its kept answer or running claim. */
  claimIdempotencyKey(account: string, key: string, fingerprint: string): Promise<ClaimOutcome> {
    const now = this.#ctx.now();
    return this.#ctx.deps.repository.claimKey({
      account,
      key,
      fingerprint,
      now,
      leaseUntil: now + CLAIM_LEASE_S,
    });
  }

  /** Gives back a key whose request keeps no answer (it failed with 5xx). */
  releaseIdempotencyKey(account: string, key: string, token: string): Promise<void> {
    return this.#ctx.deps.repository.releaseKey(account, key, token);
  }

  /** The port request operations (spec/port-requests.md) over this engine's state. */
  get portRequests(): PortRequestService {
    return new PortRequestService(this.#ctx);
  }

  /** Committed events: `subscribe` in process, `since` to read the outbox from a cursor. */
  get events(): EngineEvents {
    return engineEvents(this.#ctx);
  }

  /** The resolved settings. */
  get config(): EngineContext["config"] {
    return this.#ctx.config;
  }

  /**
   * Request gate (decisions.md D11): may the requester act on the URL account? It must be
   * that account, an ancestor of it, or the super-duper admin.
   */
  async mayActOnAccount(requester: string, account: string): Promise<boolean> {
    return mayActOnAccount(await this.#ctx.accountLookup([requester, account]), requester, account);
  }

  /** True when the account exists and is the super-duper admin. */
  async isAdmin(requester: string): Promise<boolean> {
    return isSuperduperAdmin(await this.#ctx.accountLookup([requester]), requester);
  }

  /** Normalizes an input to E.164, or undefined when it is not reconcilable. */
  toE164(input: string): string | undefined {
    return toE164(input, this.#ctx.rules);
  }

  /** Creates a number for an account, or claims an `available` one (states.md §6). */
  create(request: CreateRequest): Promise<Result<NumberRecord>> {
    return guarded(() => createNumber(this.#ctx, request));
  }

  /** Reads a number with the read check. */
  get(request: GetRequest): Promise<Result<NumberRecord>> {
    return guarded(() => getNumber(this.#ctx, request));
  }

  /** Applies a JSON Merge Patch to a number's public fields. */
  update(request: UpdateRequest): Promise<Result<NumberRecord>> {
    return guarded(() => updateNumber(this.#ctx, request));
  }

  /** Reserves a number for an account. */
  reserve(request: MoveToAccountRequest): Promise<Result<NumberRecord>> {
    return guarded(() => reserveNumber(this.#ctx, request));
  }

  /** Puts a number in service for an account (buying it from its carrier when needed). */
  activate(request: MoveToAccountRequest): Promise<Result<NumberRecord>> {
    return guarded(() => activateNumber(this.#ctx, request));
  }

  /** Releases a number; with `hard` and the admin as requester, deletes it. */
  release(request: ReleaseRequest): Promise<Result<NumberRecord>> {
    return guarded(() => releaseNumber(this.#ctx, request));
  }

  /** Which account holds a number (owner, its ancestors and the admin only). */
  identify(request: GetRequest): Promise<Result<Identity>> {
    return guarded(() => identifyNumber(this.#ctx, request));
  }

  /** A call arrives for a number: a `port_in` number completes its port. */
  inboundCall(number: string): Promise<Result<NumberRecord | undefined>> {
    return guarded(async () => {
      const called = await inboundCall(this.#ctx, number);
      if (!called.ok || called.value !== undefined) return called;
      const e164 = toE164(number, this.#ctx.rules);
      if (e164 === undefined) return called;
      await completeOnCall(this.#ctx, e164);
      return { ok: true, value: (await this.#ctx.deps.repository.get(e164))?.record };
    });
  }

  /**
   * Asks the carrier what became of an acquire or disconnect of this number that missed its
   * deadline, then finishes or undoes the move that sent it (the sweep does this too).
   */
  reconcile(number: string): Promise<Result<Reconciliation>> {
    return guarded(() => reconcileNumber(this.#ctx, number));
  }

  /** Runs the periodic clean-up at the clock's current time. */
  sweep(): Promise<SweepReport> {
    return sweep(this.#ctx);
  }

  /** Searches the carriers for numbers starting with a prefix. */
  search(request: SearchRequest): Promise<Result<JsonObject[]>> {
    return guarded(() => searchNumbers(this.#ctx, request));
  }

  /** Lists an account's numbers with Kazoo's filters and paging. */
  list(request: ListRequest): Promise<ListPage> {
    return listNumbers(this.#ctx, request);
  }

  /** Asks the system carriers whether numbers can still be bought. */
  check(numbers: readonly string[]): Promise<Record<string, string>> {
    return checkNumbers(this.#ctx, numbers);
  }

  /** Locality objects of numbers from the phonebook. */
  locality(numbers: readonly string[]): Promise<Result<JsonObject>> {
    return guarded(() => localityOf(this.#ctx, numbers));
  }

  /** The prefixes of a city, from the phonebook. */
  cityPrefixes(city: string, country?: string): Promise<Result<JsonValue>> {
    return guarded(() => cityPrefixes(this.#ctx, city, country));
  }

  /** Classifies a number (normalization.md §4.2). */
  classify(input: string): JsonObject {
    return classify(input, this.#ctx.classifiers, this.#ctx.rules);
  }

  /** The configured classifiers (normalization.md §4.3). */
  classifiers(): JsonObject {
    return listClassifiers(this.#ctx.classifiers);
  }

  /** Reads a stored record with no authorization (tests, tooling, conformance `inspect`). */
  async inspect(number: string): Promise<NumberRecord | undefined> {
    return (await this.#ctx.deps.repository.get(number))?.record;
  }

  /** Bulk create: dry run first (unless charges are accepted), so a validation failure commits nothing. */
  createMany(
    request: ChargedBatchRequest & Omit<CreateRequest, "number" | "dryRun" | "requester">,
  ): Promise<Result<BatchOutcome>> {
    const { account, requester, publicFields, createWithState } = request;
    // Each number's request is a literal: spreading a request and adding `number` to it costs
    // V8 (Node 20) microseconds per object, which showed in B1c's profile.
    return this.#batch(request.numbers, (batch, numbers) =>
      runDryThenReal(
        batch,
        numbers,
        (ctx, number, dryRun) =>
          shielded(() =>
            createNumber(ctx, {
              number,
              account,
              requester,
              publicFields,
              createWithState,
              dryRun,
            }),
          ),
        request.acceptCharges === true,
      ),
    );
  }

  /** Bulk update: each number patched for real, successes kept even when others fail. */
  updateMany(request: BatchRequest & Omit<UpdateRequest, "number">): Promise<Result<BatchOutcome>> {
    const { requester, patch, dryRun } = request;
    return this.#batch(request.numbers, (batch, numbers) =>
      runPass(batch, numbers, (ctx, number) =>
        shielded(() => updateNumber(ctx, { number, requester, patch, dryRun })),
      ),
    );
  }

  /** Bulk release (or hard delete for the admin with `hard`). */
  releaseMany(
    request: BatchRequest & Omit<ReleaseRequest, "number">,
  ): Promise<Result<BatchOutcome>> {
    const { requester, hard } = request;
    return this.#batch(request.numbers, (batch, numbers) =>
      runPass(batch, numbers, (ctx, number) =>
        shielded(() => releaseNumber(ctx, { number, requester, hard })),
      ),
    );
  }

  /** Bulk activate: dry run first (unless charges are accepted), so a validation failure commits nothing. */
  activateMany(
    request: ChargedBatchRequest & Omit<MoveToAccountRequest, "number" | "dryRun">,
  ): Promise<Result<BatchOutcome>> {
    const { account, requester, holdFor } = request;
    return this.#batch(request.numbers, (batch, numbers) =>
      runDryThenReal(
        batch,
        numbers,
        (ctx, number, dryRun) =>
          shielded(() => activateNumber(ctx, { number, account, requester, holdFor, dryRun })),
        request.acceptCharges === true,
      ),
    );
  }

  /** Validates a collection's numbers, then runs its passes (synchronously when its ports allow). */
  async #batch(
    raw: JsonValue | undefined,
    pass: (ctx: EngineContext, numbers: readonly string[]) => Awaitable<BatchOutcome>,
  ): Promise<Result<BatchOutcome>> {
    const valid = validateBatch(raw, this.#ctx.rules);
    if (!valid.ok) return fail(valid.error);
    // One view of the accounts for the whole request: each is read once, not once per number.
    return { ok: true, value: await pass(this.#ctx.withAccountMemo(), valid.numbers) };
  }
}

type ResultMethods = {
  [K in keyof NumberEngine]: NumberEngine[K] extends (...args: infer A) => Promise<Result<infer T>>
    ? (...args: A) => Promise<T>
    : never;
};

/** The engine's Result-returning operations, as methods that throw NumberLifecycleError. */
export type ThrowingEngine = {
  [K in keyof ResultMethods as ResultMethods[K] extends never ? never : K]: ResultMethods[K];
};

const THROWING_METHODS = [
  "create",
  "get",
  "update",
  "reserve",
  "activate",
  "release",
  "identify",
  "inboundCall",
  "reconcile",
  "search",
  "locality",
  "cityPrefixes",
  "createMany",
  "updateMany",
  "releaseMany",
  "activateMany",
] as const satisfies readonly (keyof ThrowingEngine)[];

/** The throwing form of every Result-returning operation of an engine. */
export function throwing(engine: NumberEngine): ThrowingEngine {
  const out: Record<string, unknown> = {};
  for (const name of THROWING_METHODS) {
    const method = (engine[name] as (...args: unknown[]) => Promise<Result<unknown>>).bind(engine);
    out[name] = async (...args: unknown[]) => unwrap(await method(...args));
  }
  return out as ThrowingEngine;
}
