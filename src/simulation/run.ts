import { isNumberEvent, type StoredEvent } from "../domain/events.js";
import type { PortRequestEvent } from "../domain/port-request-events.js";
import type { NumberErrorReason } from "../domain/errors.js";
import type { NumberEngine } from "../engine/engine.js";
import { edgeOfEvent } from "./edges.js";
import type { WorldModel } from "./model.js";
import { portEdgeOfEvent } from "./port-edges.js";
import type { PortModel } from "./port-model.js";
import { execute, type SimAnswer, type SimOperation, type SimRequest } from "./requests.js";
import { traceLine, type TraceStep } from "./trace-format.js";
import type { SimulatedWorld } from "./world.js";

/** Events read from the outbox per call. */
const EVENT_PAGE = 1_000;

/** The keys of a port request event in the trace's fixed order (absent ones are left out). */
const PORT_EVENT_KEYS: readonly (keyof PortRequestEvent)[] = [
  "type",
  "port_request_id",
  "account_id",
  "timestamp",
  "acting_account_id",
  "acting_user_id",
  "from",
  "to",
  "reason",
  "kazoo_notification",
  "numbers",
  "ported_numbers",
  "comment",
  "state",
  "by",
];

/** An event with its keys in the trace's fixed order. */
export function eventJson(event: StoredEvent["event"]): StoredEvent["event"] {
  if (!isNumberEvent(event)) {
    const out: Record<string, unknown> = {};
    for (const key of PORT_EVENT_KEYS) if (event[key] !== undefined) out[key] = event[key];
    return out as unknown as PortRequestEvent;
  }
  return {
    type: event.type,
    number: event.number,
    operation: event.operation,
    from: event.from,
    to: event.to,
    account_id: event.account_id,
    owner_before: event.owner_before,
    owner_after: event.owner_after,
    revision: event.revision,
    timestamp: event.timestamp,
    patches: event.patches,
  };
}

/** Reads the events the engine committed since the last read, oldest first (its outbox). */
export class EventFeed {
  #cursor: string | undefined;

  /** Reads from an engine's `events.since`. */
  constructor(private readonly engine: NumberEngine) {}

  /** Skips what is already in the outbox (a store that was not empty). */
  async skipExisting(): Promise<void> {
    await this.drain();
  }

  /** Every event committed since the last call, number and port request events alike. */
  async drain(): Promise<StoredEvent["event"][]> {
    const out: StoredEvent["event"][] = [];
    for (;;) {
      const page = await this.engine.events.since(this.#cursor, EVENT_PAGE);
      // The summary and the trace count every event: one the outbox dropped unread is a bug.
      if (page.missed > 0) throw new Error(`the outbox lost ${page.missed} unread events`);
      this.#cursor = page.cursor;
      for (const { event } of page.events) out.push(event);
      if (page.events.length < EVENT_PAGE) return out;
    }
  }
}

/** What a run has counted so far. */
export interface RunCounts {
  steps: number;
  readonly requests: Partial<Record<SimOperation, number>>;
  readonly edges: Map<string, number>;
  /** Port request edges (`from>to`, `new>unconfirmed`) and how often each was taken. */
  readonly portEdges: Map<string, number>;
  readonly errors: Map<string, number>;
  updates: number;
  purged: number;
}

/**
 * Sends requests one at a time and keeps the books: the answer, the events it committed (applied
 * to the model and counted per edge), the errors by operation and name, and the trace line.
 */
export class RequestRunner {
  readonly counts: RunCounts = {
    steps: 0,
    requests: {},
    edges: new Map(),
    portEdges: new Map(),
    errors: new Map(),
    updates: 0,
    purged: 0,
  };

  /** Runs against a world; `trace` receives each trace line when set. */
  constructor(
    private readonly world: SimulatedWorld,
    private readonly feed: EventFeed,
    private readonly model: WorldModel,
    private readonly ports: PortModel,
    private readonly trace: ((line: string) => void) | undefined,
  ) {}

  /** Sends one request and books its outcome. */
  async send(request: SimRequest): Promise<SimAnswer> {
    const at = this.world.clock.now();
    const answer = await execute(this.world.engine, request);
    const events = await this.feed.drain();
    const counts = this.counts;
    counts.steps++;
    counts.requests[request.op] = (counts.requests[request.op] ?? 0) + 1;
    if (answer["ok"] === false) {
      // A number error has a reason; a port request failure its kind.
      const error = answer["error"] as { reason?: NumberErrorReason; kind?: string };
      const reason = error.reason ?? error.kind ?? "unknown";
      const key = `${request.op}\u0000${reason}`;
      counts.errors.set(key, (counts.errors.get(key) ?? 0) + 1);
    }
    for (const event of events) {
      if (!isNumberEvent(event)) {
        this.ports.apply(event);
        const id = portEdgeOfEvent(event);
        if (id !== undefined) counts.portEdges.set(id, (counts.portEdges.get(id) ?? 0) + 1);
        continue;
      }
      this.model.apply(event);
      const edge = edgeOfEvent(event);
      if (edge.kind === "edge") counts.edges.set(edge.id, (counts.edges.get(edge.id) ?? 0) + 1);
      else if (edge.kind === "update") counts.updates++;
      else counts.purged++;
    }
    if (request.op === "search" && Array.isArray(answer["found"])) {
      for (const [number, state] of answer["found"] as [string, string][])
        if (state === "discovery") this.model.discovered(number);
    }
    if (request.op === "sweep")
      for (const number of answer["purged"] as string[]) this.model.purged(number);
    if (this.trace !== undefined) {
      const step: TraceStep = {
        step: counts.steps,
        at,
        request,
        answer,
        events: events.map(eventJson),
      };
      this.trace(traceLine(step));
    }
    return answer;
  }
}
