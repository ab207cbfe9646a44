import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { openStoreWorld } from "../../../src/cli/serve-store.js";
import { parseStoreSpec, type StoreSpec } from "../../../src/cli/store-spec.js";
import { createMemoryWorld } from "../../../src/compose/memory-world.js";
import { ERROR_CATALOGUE } from "../../../src/domain/errors.js";
import { isNumberEvent, type NumberEvent } from "../../../src/domain/events.js";
import { isJsonObject } from "../../../src/domain/json.js";
import { recordFingerprint } from "../../../src/domain/record.js";
import {
  applyOp,
  RACE_NUMBERS,
  raceSetup,
  type RaceKind,
  type RaceOp,
  type RaceOutcome,
} from "./race-ops.js";

const WORKER = fileURLToPath(new URL("./race-worker.ts", import.meta.url));
const KINDS: readonly string[] = ["reserve", "activate", "release", "update"] satisfies RaceKind[];

/** What a race came to. */
export interface RaceReport {
  readonly outcomes: readonly RaceOutcome[];
  /** Committed changes of the race's kinds, in outbox order. */
  readonly events: readonly NumberEvent[];
  /** Everything that breaks the race's promises; empty when the store kept them. */
  readonly problems: readonly string[];
}

/** The store spec of a `--store` string; throws on a bad one. */
export function specOf(store: string): StoreSpec {
  const spec = parseStoreSpec(store);
  if ("error" in spec) throw new Error(spec.error);
  return spec;
}

/**
 * Starts a worker process (`script` run by tsx with `args`) and resolves once it has opened
 * the store (it prints `ready`); it starts on `go` and prints its outcomes as one JSON line.
 */
export function startWorker<T = RaceOutcome>(
  script: string,
  args: readonly string[],
): Promise<{ child: ChildProcessWithoutNullStreams; result: Promise<T[]> }> {
  const worker = args.join(" ");
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { stdio: "pipe" });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolveReady, rejectReady) => {
    const result = new Promise<T[]>((resolve, reject) => {
      lines.on("line", (line) => {
        if (line === "ready") resolveReady({ child, result });
        else if (line.startsWith("[")) resolve(JSON.parse(line) as T[]);
      });
      child.on("exit", (code) => {
        const failure = new Error(`race worker ${worker} exited ${code}: ${stderr.trim()}`);
        reject(failure);
        rejectReady(failure);
      });
    });
  });
}

/** The update tag an event wrote, if it is an update's. */
function tagOf(event: NumberEvent): string | undefined {
  for (const patch of event.patches) {
    const [top, field] = patch.path;
    if (top !== "public") continue;
    const tag =
      field === "race_tag"
        ? patch.value
        : field === undefined && isJsonObject(patch.value)
          ? patch.value["race_tag"]
          : undefined;
    if (typeof tag === "string") return tag;
  }
  return undefined;
}

/**
 * Matches each committed change to the successful operation that made it (per number, in
 * revision order); reports changes nobody succeeded at and successes that committed nothing.
 */
function matchEvents(
  outcomes: readonly RaceOutcome[],
  events: readonly NumberEvent[],
  problems: string[],
): Map<string, RaceOp[]> {
  const pending = outcomes.filter((o) => o.ok).map((o) => o.op);
  const order = new Map<string, RaceOp[]>();
  const sorted = [...events].sort((a, b) => a.revision - b.revision);
  for (const event of sorted) {
    const tag = tagOf(event);
    const at = pending.findIndex(
      (op) =>
        op.number === event.number &&
        op.kind === event.operation &&
        op.account === event.account_id &&
        (op.kind !== "update" || op.id === tag),
    );
    if (at < 0) {
      problems.push(
        `a committed ${event.operation} of ${event.number} by ${event.account_id} (revision ${event.revision}) matches no successful operation`,
      );
      continue;
    }
    const [op] = pending.splice(at, 1) as [RaceOp];
    order.set(op.number, [...(order.get(op.number) ?? []), op]);
  }
  for (const op of pending)
    problems.push(
      `${op.id} (${op.kind} ${op.number}) succeeded but committed no change: a lost update`,
    );
  return order;
}

/**
 * Runs a race on a new, empty store (`sqlite:PATH` or a `postgres://` URL naming a new schema):
 * seeds the race world, starts `workers` processes that each run `count` operations at once
 * over the same 100 numbers, then checks that every answer is a documented result and that
 * the final records equal a serial replay, on a memory world, of the successful operations in
 * revision order.
 */
export async function runRace(
  store: string,
  { workers = 2, count = 50, seed = 1 }: { workers?: number; count?: number; seed?: number } = {},
): Promise<RaceReport> {
  const spec = specOf(store);
  const seeded = await openStoreWorld(spec, raceSetup());
  await seeded.close();
  if (!seeded.created) throw new Error(`the race needs a new, empty store: ${store}`);
  const started = await Promise.all(
    Array.from({ length: workers }, (_, worker) =>
      startWorker(WORKER, [store, String(worker), String(count), String(seed)]),
    ),
  );
  for (const { child } of started) child.stdin.write("go\n");
  const outcomes = (await Promise.all(started.map((s) => s.result))).flat();

  const problems: string[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok && !Object.hasOwn(ERROR_CATALOGUE, outcome.reason ?? ""))
      problems.push(`${outcome.op.id} answered an undocumented result: ${outcome.reason}`);
  }
  const reopened = await openStoreWorld(spec, raceSetup());
  const page = await reopened.world.repository.eventsSince(undefined, 1_000_000);
  const events = page.events
    .map((e) => e.event)
    .filter(isNumberEvent)
    .filter((e) => KINDS.includes(e.operation));
  const stored = await reopened.world.repository.getMany(RACE_NUMBERS);
  await reopened.close();

  const order = matchEvents(outcomes, events, problems);
  const replay = await createMemoryWorld(raceSetup());
  for (const ops of order.values()) {
    for (const op of ops) {
      const result = await applyOp(replay.engine, op);
      if (!result.ok)
        problems.push(
          `replaying ${op.id} (${op.kind} ${op.number}) failed: ${result.error.reason}`,
        );
    }
  }
  for (const number of RACE_NUMBERS) {
    const got = recordFingerprint(stored.get(number)?.record);
    const want = recordFingerprint(await replay.engine.inspect(number));
    if (got !== want) problems.push(`${number}: stored ${got} but the serial replay gives ${want}`);
  }
  return { outcomes, events, problems };
}
