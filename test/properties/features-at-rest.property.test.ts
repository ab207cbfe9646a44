import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryAccountDirectory } from "../../src/adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { ManualClock } from "../../src/adapters/memory/manual-clock.js";
import { LocalCarrier } from "../../src/adapters/carriers/local.js";
import { EngineContext } from "../../src/engine/context.js";
import { featuresAtRest, recomputeFeatures, runDeleteHooks } from "../../src/engine/features.js";
import type { FeatureDraft } from "../../src/engine/features.js";
import { run, type Flow } from "../../src/engine/flow.js";
import { NUMBER_STATES } from "../../src/domain/states.js";
import type { JsonObject } from "../../src/domain/json.js";
import { STANDARD_TREE } from "../support/accounts.js";

const FEATURES = ["local", "e911", "outbound_cnam", "inbound_cnam", "prepend", "failover", "port"];

/** A record as the provider pass sees it: carrier, state, owner, features and public fields. */
const draft = fc.record({
  number: fc.constant("+14155550100"),
  state: fc.constantFrom(...NUMBER_STATES),
  carrier: fc.constantFrom("local", "simulated"),
  assignedTo: fc.option(fc.constantFrom("acme", "acme_sales", "globex"), { nil: undefined }),
  features: fc.dictionary(
    fc.constantFrom(...FEATURES),
    fc.oneof(fc.constant({}), fc.constant({ enabled: true })),
  ),
  public: fc.oneof(
    { weight: 3, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constant({ cnam: { display_name: "Acme" } }) },
  ),
});

/** A record at rest: no public fields, and only the `local` feature a local carrier implies. */
const atRest = fc
  .record({
    state: fc.constantFrom(...NUMBER_STATES),
    carrier: fc.constantFrom("local", "simulated"),
    assignedTo: fc.option(fc.constantFrom("acme", "acme_sales", "globex"), { nil: undefined }),
    local: fc.oneof(fc.constant({}), fc.constant({ enabled: true })),
  })
  .map(({ local, ...r }) => ({
    number: "+14155550100",
    ...r,
    features: r.carrier === "local" ? { local } : {},
    public: {},
  }));

const context = (allowed: readonly string[]): EngineContext =>
  new EngineContext({
    repository: new MemoryNumberRepository(),
    accounts: new MemoryAccountDirectory(STANDARD_TREE),
    clock: new ManualClock(63_640_000_000),
    carriers: [new LocalCarrier(new MemoryNumberRepository())],
    config: { allowed_features: [...allowed] },
  });

/** The draft after a provider pass (or the delete hooks) ran on a copy of it. */
async function after(
  pass: (ctx: EngineContext, view: FeatureDraft, dryRun: boolean) => Flow<unknown>,
  ctx: EngineContext,
  d: FeatureDraft,
  dryRun: boolean,
): Promise<{ features: JsonObject; public: JsonObject }> {
  const view: FeatureDraft = { ...d, features: { ...d.features }, public: { ...d.public } };
  await run(pass(ctx, view, dryRun));
  return { features: view.features, public: view.public };
}

describe("featuresAtRest (property): a move may skip the provider pass exactly when it would change nothing", () => {
  it("features.md §2-§5: on a record at rest, the provider pass and the delete hooks leave features and public fields as they are", async () => {
    await fc.assert(
      fc.asyncProperty(
        atRest,
        fc.subarray(["cnam", "e911", "failover", "port", "prepend", "force_outbound"]),
        fc.boolean(),
        async (d, allowed, dryRun) => {
          const record = d as FeatureDraft;
          expect(featuresAtRest(record)).toBe(true);
          const ctx = context(allowed);
          const unchanged = { features: record.features, public: record.public };
          expect(await after(recomputeFeatures, ctx, record, dryRun)).toEqual(unchanged);
          expect(await after(runDeleteHooks, ctx, record, dryRun)).toEqual(unchanged);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is false whenever the pass would change something", async () => {
    await fc.assert(
      fc.asyncProperty(draft, fc.boolean(), async (d, dryRun) => {
        const record = d as FeatureDraft;
        const ctx = context(["cnam", "e911", "failover", "port", "prepend", "force_outbound"]);
        const { features, public: fields } = await after(recomputeFeatures, ctx, record, dryRun);
        const changed =
          JSON.stringify(features) !== JSON.stringify(record.features) ||
          JSON.stringify(fields) !== JSON.stringify(record.public);
        if (changed) expect(featuresAtRest(record)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
