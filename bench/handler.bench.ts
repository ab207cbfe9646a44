// Requests per second through the in-process API handler, against the engine call it wraps
// (the baseline, measured in the same run). Run: npm run bench
import { MemoryTokenStore } from "../src/adapters/memory/memory-tokens.js";
import { createMemoryWorld } from "../src/compose/memory-world.js";
import { createApiHandler } from "../src/http/handler.js";

const COUNT = 10_000;
const numberAt = (i: number): string => `+1415555${String(i % COUNT).padStart(4, "0")}`;

const { engine } = await createMemoryWorld({
  accounts: [
    { id: "root", master: true, reseller: true },
    { id: "acme", parent: "root", reseller: true, allowAdditions: true },
    { id: "acme_sales", parent: "acme" },
  ],
  numbers: Array.from({ length: COUNT }, (_, i) => ({
    number: numberAt(i),
    state: "in_service" as const,
    assignedTo: "acme_sales",
  })),
});
let id = 0;
const handle = createApiHandler({
  engine,
  tokens: new MemoryTokenStore([["tok", "acme_sales"]]),
  requestId: () => String(++id),
});

async function measure(
  label: string,
  iterations: number,
  run: (i: number) => Promise<unknown>,
): Promise<number> {
  for (let i = 0; i < 1000; i++) await run(i);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run(i);
  const perSecond = iterations / ((performance.now() - start) / 1000);
  console.log(
    `${label.padEnd(44)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} /s`,
  );
  return perSecond;
}

const baseline = await measure("engine.get (baseline)", 50_000, (i) =>
  engine.get({ number: numberAt(i), requester: "acme_sales" }),
);
const viaHandler = await measure("handler GET …/phone_numbers/{N}", 50_000, (i) =>
  handle({
    method: "GET",
    path: `/v2/accounts/acme_sales/phone_numbers/${encodeURIComponent(numberAt(i))}`,
    headers: { "X-Auth-Token": "tok" },
  }),
);
console.log(
  `handler overhead: the handler serves ${((viaHandler / baseline) * 100).toFixed(0)}% of the engine's read rate`,
);
await measure("handler GET listing, page_size 50", 5_000, (i) =>
  handle({
    method: "GET",
    path: "/v2/accounts/acme_sales/phone_numbers",
    query: { page_size: "50", start_key: numberAt((i * 50) % COUNT) },
    headers: { "X-Auth-Token": "tok" },
  }),
);
