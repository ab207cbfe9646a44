import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import { isSelfOrAncestor } from "../../src/domain/accounts.js";
import { createApiHandler } from "../../src/http/handler.js";
import { ROUTES } from "../../src/http/routes.js";
import { checkIsolation, isolationScenario } from "../checks/isolation.js";
import { lookupOf } from "../support/accounts.js";
import { accountTree, idsOf, numberIn } from "../support/arbitraries.js";
import { snapshot } from "../support/world.js";
import { count, report, SEED } from "./counts.js";

const CASES = count("LONG_CASES", 200);
const N = "+14155550100";

/** Runs a property CASES times from SEED and prints its figures. */
async function run<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
) {
  let violations = 1;
  try {
    await fc.assert(fc.asyncProperty(arbitrary, check), {
      numRuns: CASES,
      seed: SEED,
      endOnFailure: true,
    });
    violations = 0;
  } finally {
    report(name, { seed: SEED, cases: CASES, violations });
  }
}

/** A tree, a number in any state owned by one of its accounts, and a requester. */
const withRequester = accountTree.chain((tree) => {
  const ids = idsOf(tree);
  return fc.record({
    tree: fc.constant(tree),
    record: numberIn(N, ids),
    requester: fc.constantFrom(...ids),
    path: fc.constantFrom(...ROUTES.filter((r) => r.auth === "required")),
    token: fc.constantFrom("none", "unknown", "blank", "foreign"),
    state: fc.constantFrom(undefined, "available", "reserved", "in_service", "aging", "port_in"),
  });
});

describe("isolation and authorization properties", () => {
  it(`an account outside a number's hierarchy can neither read, identify nor change it (${CASES} cases)`, async () => {
    await run("isolation", isolationScenario, (s) => checkIsolation(s));
  });

  it(`no missing, unknown, blank or foreign token passes a guarded route (${CASES} cases)`, async () => {
    await run("tokens", withRequester, async ({ tree, record, requester, path, token }) => {
      const world = await createMemoryWorld({ accounts: tree, numbers: [record] });
      const accounts = lookupOf(tree);
      const owner = idsOf(tree).find((id) => !isSelfOrAncestor(accounts, requester, id));
      const handle = createApiHandler({
        engine: world.engine,
        tokens: new MemoryTokenStore(idsOf(tree).map((id) => [`tok-${id}`, id] as const)),
      });
      const target = token === "foreign" ? owner : requester;
      if (target === undefined) return;
      const headers =
        token === "none"
          ? {}
          : {
              "X-Auth-Token":
                token === "unknown" ? "tok-ghost" : token === "blank" ? "" : `tok-${requester}`,
            };
      const before = await snapshot(world.repository);

      const response = await handle({
        method: path.method,
        path: path.path
          .replace("{account_id}", target)
          .replace("{phone_number}", encodeURIComponent(N)),
        headers,
        body: JSON.stringify({ data: { numbers: [N], note: 1 } }),
      });

      const expected =
        token === "foreign"
          ? path.path.includes("{account_id}") && accounts(requester)?.superduperAdmin !== true
            ? 403
            : undefined
          : 401;
      if (expected !== undefined) expect(response.status).toBe(expected);
      if (response.status >= 400) expect(await snapshot(world.repository)).toEqual(before);
    });
  });

  // Anyone else's `hard=true` is an ordinary release (authorization.md §8): the record stays,
  // except an MDN number's, which any release deletes (states.md §5.3).
  it(`only system and the master hard-delete (${CASES} cases)`, async () => {
    await run("hard-delete", withRequester, async ({ tree, record, requester }) => {
      const world = await createMemoryWorld({ accounts: tree, numbers: [record] });
      const before = await snapshot(world.repository);

      const result = await world.engine.release({ number: N, requester, hard: true });

      if (lookupOf(tree)(requester)?.superduperAdmin !== true && record.carrier !== "mdn") {
        expect(await world.engine.inspect(N), "a non-master removed the record").toBeDefined();
        if (!result.ok) expect(await snapshot(world.repository)).toEqual(before);
      }
    });
  });

  it(`only pvt_wnm_allow_additions or the master adds numbers (${CASES} cases)`, async () => {
    await run("additions", withRequester, async ({ tree, requester, state }) => {
      const world = await createMemoryWorld({ accounts: tree });
      const spec = lookupOf(tree)(requester);

      const result = await world.engine.create({
        number: N,
        account: requester,
        requester,
        createWithState: state,
      });

      if (spec?.superduperAdmin !== true && spec?.allowAdditions !== true && state !== "port_in") {
        expect(result.ok).toBe(false);
        expect(await world.engine.inspect(N)).toBeUndefined();
      }
    });
  });
});
