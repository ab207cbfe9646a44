import { InputFileError } from "./input-error.js";
import { execute } from "./requests.js";
import { EventFeed, eventJson } from "./run.js";
import { readHeader, readStep } from "./trace-read.js";
import { buildWorld, type SimulationStore } from "./world.js";

/** Steps between two prunes of the events already compared. */
const PRUNE_EVERY = 1_000;

/** Where a replay first differed from its trace. */
export interface Divergence {
  readonly step: number;
  /** The trace file's line of that step. */
  readonly line: number;
  /** What differed: the request's answer, or the events it committed. */
  readonly part: "answer" | "events";
  /** As the trace recorded it, and as the replay produced it (JSON text). */
  readonly expected: string;
  readonly actual: string;
}

/** The outcome of a replay: every step reproduced, or the first one that was not. */
export type ReplayResult =
  { readonly ok: true; readonly steps: number } | ({ readonly ok: false } & Divergence);

/** Options of a replay. */
export interface ReplayOptions {
  /** The file's name, for errors (`file:line: field: problem`). */
  readonly file?: string;
  /** Where to rebuild the world; a fresh in-memory repository when absent. */
  readonly repository?: SimulationStore;
}

/**
 * Replays a trace (its lines, e.g. from a file): rebuilds the world from the header's seed,
 * settings and profile, sends every recorded request at its recorded clock time, and checks that
 * each answer and each committed event is reproduced. A malformed line throws InputFileError.
 */
export async function replay(
  lines: Iterable<string> | AsyncIterable<string>,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const file = options.file ?? "trace";
  let line = 0;
  let steps = 0;
  let world: Awaited<ReturnType<typeof buildWorld>> | undefined;
  let feed: EventFeed | undefined;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    if (world === undefined || feed === undefined) {
      const header = readHeader(text, file);
      world = await buildWorld(
        { seed: header.seed, ...header.settings },
        header.profile,
        options.repository,
      );
      feed = new EventFeed(world.engine);
      await feed.skipExisting();
      continue;
    }
    const step = readStep(text, file, line);
    if (step.step !== steps + 1)
      throw new InputFileError(file, line, "step", `expected step ${steps + 1}`);
    const wait = step.at - world.clock.now();
    if (wait < 0) throw new InputFileError(file, line, "at", "goes back in time");
    world.clock.advance(wait);
    steps++;
    if (steps % PRUNE_EVERY === 0) await world.repository.pruneEvents(world.clock.now());
    const actual = {
      answer: JSON.stringify(await execute(world.engine, step.request)),
      events: JSON.stringify((await feed.drain()).map(eventJson)),
    };
    for (const part of ["answer", "events"] as const) {
      const expected = JSON.stringify(step[part]);
      if (actual[part] !== expected)
        return { ok: false, step: steps, line, part, expected, actual: actual[part] };
    }
  }
  if (world === undefined)
    throw new InputFileError(file, Math.max(line, 1), "", "the trace is empty: no header line");
  return { ok: true, steps };
}
