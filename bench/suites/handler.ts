// H1, H2: reads through the in-process API handler, against the engine calls they wrap.
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { createMemoryWorld } from "../../src/compose/memory-world.js";
import type { NumberEngine } from "../../src/engine/engine.js";
import { createApiHandler } from "../../src/http/handler.js";
import type { ApiHandler } from "../../src/http/types.js";
import { throughput, type BenchCase } from "../harness.js";
import { ACCOUNTS, nanp } from "../fixtures.js";

const COUNT = 10_000;

async function world(): Promise<{ engine: NumberEngine; handle: ApiHandler }> {
  const { engine } = await createMemoryWorld({
    accounts: ACCOUNTS,
    numbers: Array.from({ length: COUNT }, (_, i) => ({
      number: nanp(i),
      state: "in_service" as const,
      assignedTo: "acme_sales",
    })),
  });
  const handle = createApiHandler({
    engine,
    tokens: new MemoryTokenStore([["tok", "acme_sales"]]),
  });
  return { engine, handle };
}

const getPath = (i: number): string =>
  `/v2/accounts/acme_sales/phone_numbers/${encodeURIComponent(nanp(i % COUNT))}`;

/** H1, H2. */
export const cases: BenchCase[] = [
  {
    id: "H1",
    what: "GET …/phone_numbers/{N} through the in-process handler",
    unit: "req/s",
    better: "higher",
    baselineWhat: "engine.get of the same number",
    measure: throughput(async (ctx) => {
      const { handle } = await world();
      const ops = ctx.size(50_000, 5_000);
      return {
        ops,
        run: async () => {
          for (let i = 0; i < ops; i++) {
            await handle({ method: "GET", path: getPath(i), headers: { "X-Auth-Token": "tok" } });
          }
        },
      };
    }),
    baseline: throughput(async (ctx) => {
      const { engine } = await world();
      const ops = ctx.size(50_000, 5_000);
      return {
        ops,
        run: async () => {
          for (let i = 0; i < ops; i++)
            await engine.get({ number: nanp(i % COUNT), requester: "acme_sales" });
        },
      };
    }),
  },
  {
    id: "H2",
    what: "GET …/phone_numbers listing, page_size 50, through the handler",
    unit: "req/s",
    better: "higher",
    baselineWhat: "engine.list of the same page",
    measure: throughput(async (ctx) => {
      const { handle } = await world();
      const ops = ctx.size(5_000, 500);
      return {
        ops,
        run: async () => {
          for (let i = 0; i < ops; i++) {
            await handle({
              method: "GET",
              path: "/v2/accounts/acme_sales/phone_numbers",
              query: { page_size: "50", start_key: nanp((i * 50) % COUNT) },
              headers: { "X-Auth-Token": "tok" },
            });
          }
        },
      };
    }),
    baseline: throughput(async (ctx) => {
      const { engine } = await world();
      const ops = ctx.size(5_000, 500);
      return {
        ops,
        run: async () => {
          for (let i = 0; i < ops; i++) {
            await engine.list({
              account: "acme_sales",
              query: { page_size: "50", start_key: nanp((i * 50) % COUNT) },
            });
          }
        },
      };
    }),
  },
];
