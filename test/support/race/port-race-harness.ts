import { fileURLToPath } from "node:url";
import { openStoreWorld } from "../../../src/cli/serve-store.js";
import type { PortRequestRecord } from "../../../src/domain/port-request.js";
import { PORT_SETS } from "../../../src/domain/port-states.js";
import type { PortRequestRepository } from "../../../src/ports/port-requests.js";
import { PORT_RACE_NUMBERS, portRaceSetup, type PortRaceOutcome } from "./port-race-ops.js";
import { specOf, startWorker } from "./race-harness.js";

const WORKER = fileURLToPath(new URL("./port-race-worker.ts", import.meta.url));

/** What a port race came to. */
export interface PortRaceReport {
  readonly outcomes: readonly PortRaceOutcome[];
  /** How many times each step answered each status, e.g. `submitted 400`. */
  readonly tally: Readonly<Record<string, number>>;
  /** Everything that breaks issue 14's promises; empty when the store kept them. */
  readonly problems: readonly string[];
}

const held = (r: PortRequestRecord): string[] =>
  Object.keys(r.state === "completed" ? (r.portedNumbers ?? {}) : r.numbers);

/**
 * Runs a port race on a new, empty store (any `--store` spec): `porters` processes create and
 * submit requests for overlapping numbers (half of them then completed by the port authority)
 * while `buyers` processes buy the same numbers through the phone-numbers API, every worker's
 * operations at once. Then checks issue 14's promises on what the store holds: no number in two
 * open requests; no number in service for one account while in a porting or completed request
 * of another; every completion whole; every successful buy owning its number; every answer a
 * documented one (no 5xx).
 */
export async function runPortRace(
  store: string,
  { porters = 2, buyers = 2, count = 20, seed = 1 } = {},
): Promise<PortRaceReport> {
  const spec = specOf(store);
  const seeded = await openStoreWorld(spec, portRaceSetup());
  await seeded.close();
  if (!seeded.created) throw new Error(`the race needs a new, empty store: ${store}`);
  const roles = [
    ...Array.from({ length: porters }, (_, i) => ["port", i] as const),
    ...Array.from({ length: buyers }, (_, i) => ["buy", i] as const),
  ];
  const started = await Promise.all(
    roles.map(([role, i]) =>
      startWorker<PortRaceOutcome>(WORKER, [store, role, String(i), String(count), String(seed)]),
    ),
  );
  for (const { child } of started) child.stdin.write("go\n");
  const outcomes = (await Promise.all(started.map((s) => s.result))).flat();

  const reopened = await openStoreWorld(spec, portRaceSetup());
  const requests = await (
    reopened.world.repository as unknown as { portRequests: PortRequestRepository }
  ).portRequests.findPortRequests({});
  const records = await reopened.world.repository.getMany(PORT_RACE_NUMBERS);
  await reopened.close();

  const problems: string[] = [];
  const tally: Record<string, number> = {};
  for (const { op, steps } of outcomes) {
    for (const step of steps) {
      const key = `${step.step} ${step.status}`;
      tally[key] = (tally[key] ?? 0) + 1;
      if (step.status >= 500)
        problems.push(`${op.id} ${step.step} answered ${step.status}: ${step.error}`);
    }
  }
  const openHolder = new Map<string, string>();
  for (const request of requests) {
    const taking = PORT_SETS.porting.has(request.state) || request.state === "completed";
    for (const number of held(request)) {
      if (PORT_SETS.active.has(request.state)) {
        const other = openHolder.get(number);
        if (other !== undefined)
          problems.push(`${number} is in two open requests: ${other} and ${request.id}`);
        openHolder.set(number, request.id);
      }
      const owner = records.get(number)?.record.assignedTo;
      if (taking && owner !== undefined && owner !== request.account)
        problems.push(
          `${number} is in service for ${owner} and in ${request.state} request ${request.id} of ${request.account}`,
        );
      if (
        request.state === "completed" &&
        (owner !== request.account || records.get(number)?.record.state !== "in_service")
      )
        problems.push(
          `${number} of completed request ${request.id} is not in service for ${request.account}`,
        );
    }
  }
  for (const { op, steps } of outcomes) {
    if (op.kind !== "buy" || steps[0]?.status !== 200) continue;
    const owner = records.get(op.number)?.record.assignedTo;
    if (owner !== op.account)
      problems.push(`${op.id} bought ${op.number} but it belongs to ${owner}`);
  }
  return { outcomes, tally, problems };
}
