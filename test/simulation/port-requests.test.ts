import { describe, expect, it } from "vitest";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { isNumberEvent, type NumberEvent } from "../../src/domain/events.js";
import type { PortRequestEvent } from "../../src/domain/port-request-events.js";
import { PORT_STATES } from "../../src/domain/port-states.js";
import { PORT_TRANSITION_TABLE } from "../../src/machine/port-request-table.js";
import { portMachineEdges, reachablePortEdges } from "../../src/simulation/port-edges.js";
import { DEFAULT_PROFILE, type SimulationProfile } from "../../src/simulation/profile.js";
import { replay } from "../../src/simulation/replay.js";
import type { TraceStep } from "../../src/simulation/trace-format.js";
import { traced, unrevised, unrevisedSqliteTrace } from "./support.js";

/** A world where most journeys are port requests, so a short run sees every way they go. */
const PORTING: SimulationProfile = {
  ...DEFAULT_PROFILE,
  name: "porting",
  numbers: { pool: 0.3, upstream: 0.2, portable: 0.5 },
  flows: { ...DEFAULT_PROFILE.flows, portRequest: 60 },
  portRequests: { ...DEFAULT_PROFILE.portRequests, cancel: 0.15, reject: 0.25, stepDays: 2 },
};
const RUN = { seed: "ports", accounts: 12, numbers: 800, days: 24, profile: PORTING } as const;

const recorded = await traced(RUN);
const steps = recorded.lines.slice(1).map((line) => JSON.parse(line) as TraceStep);
const portEvents = steps
  .flatMap((s) => s.events)
  .filter((e): e is PortRequestEvent => !isNumberEvent(e));
const numberEvents: NumberEvent[] = steps.flatMap((s) => s.events).filter(isNumberEvent);

describe("port request edges", () => {
  it("lists the creation and one edge per (state, target) the table moves along", () => {
    const edges = portMachineEdges();
    expect(edges[0]).toMatchObject({ id: "new>unconfirmed", events: ["create"] });
    for (const [state, targets] of PORT_TRANSITION_TABLE) {
      for (const [target, candidates] of targets) {
        const moves = candidates.some((c) => c.outcome.kind === "move");
        expect(
          edges.some((e) => e.id === `${state}>${target}`),
          `${state}>${target}`,
        ).toBe(moves);
      }
    }
    expect(edges).toHaveLength(17);
  });

  it("derives what a profile reaches: the submitted -> scheduled setting, and each share at 0 or 1", () => {
    const all = portMachineEdges().map((e) => e.id);
    const reach = (mix: Partial<SimulationProfile["portRequests"]>, config = {}) =>
      reachablePortEdges({
        ...DEFAULT_PROFILE,
        portRequests: { ...DEFAULT_PROFILE.portRequests, ...mix },
        config: { ...DEFAULT_PROFILE.config, ...config },
      });
    expect(reach({})).toEqual(all.filter((id) => id !== "submitted>scheduled").sort());
    expect(reach({}, { allow_port_transition_from_submitted_to_scheduled: true })).toEqual(
      [...all].sort(),
    );
    expect(reach({ leaveUnconfirmed: 1 })).toEqual(["new>unconfirmed"]);
    expect(reach({ reject: 0 }).filter((id) => id.includes("rejected"))).toEqual([]);
    expect(reach({ resubmit: 1 })).not.toContain("rejected>completed");
    expect(reach({ schedule: 0 }).filter((id) => id.includes("scheduled"))).toEqual([]);
    // Only the authority's settling of a rejected request still cancels.
    expect(reach({ cancel: 0 }).filter((id) => id.endsWith(">canceled"))).toEqual([
      "rejected>canceled",
    ]);
    expect(
      reachablePortEdges({
        ...DEFAULT_PROFILE,
        flows: { ...DEFAULT_PROFILE.flows, portRequest: 0 },
      }),
    ).toEqual([]);
  });
});

describe("simulate: port requests", () => {
  it("creates requests through the engine and takes every reachable edge of the port request machine", () => {
    const ops = new Set(steps.map((s) => s.request.op));
    expect(ops).toContain("portCreate");
    expect(ops).toContain("portMove");
    const { portEdges, portTally } = recorded.summary;
    const missing = portEdges.filter((e) => e.reachable && e.count === 0).map((e) => e.id);
    expect(missing).toEqual([]);
    expect(portEdges.filter((e) => !e.reachable && e.count > 0)).toEqual([]);
    // The summary counts exactly the events the trace recorded.
    const created = portEvents.filter((e) => e.type === "port_request.created").length;
    expect(portEdges.find((e) => e.id === "new>unconfirmed")?.count).toBe(created);
    expect(portTally.completedByAuthority).toBeGreaterThan(0);
    expect(portTally.completedByInboundCall).toBeGreaterThan(0);
    expect(portTally.sweptByState.unconfirmed).toBeGreaterThan(0); // drafts left to the clean-up
    expect(portTally.reminders).toBe(
      portEvents.filter((e) => e.type === "port_request.unconfirmed_reminder").length,
    );
    expect(recorded.summary.offMachine).toEqual({});
  });

  it("a completion puts every number of the request in service for its account", () => {
    const completions = portEvents.filter(
      (e) => e.type === "port_request.transitioned" && e.to === "completed",
    );
    expect(completions.length).toBeGreaterThan(3);
    const ported = numberEvents.filter((e) => e.operation === "port_completion");
    for (const completion of completions) {
      for (const number of completion.numbers ?? []) {
        const event = ported.find((e) => e.number === number);
        expect(event, number).toMatchObject({
          to: "in_service",
          owner_after: completion.account_id,
        });
      }
    }
    expect(ported).toHaveLength(completions.reduce((n, c) => n + (c.numbers?.length ?? 0), 0));
  });

  it("the summary's request states are the store's", async () => {
    const repository = new MemoryNumberRepository({ keepEvents: true });
    const summary = (await traced({ ...RUN, repository })).summary;
    const stored = await repository.portRequests.findPortRequests({});
    for (const state of PORT_STATES)
      expect(summary.portStates[state], state).toBe(stored.filter((r) => r.state === state).length);
  });

  it("same seed, same trace byte for byte; the replay reproduces it; an edited move fails at its step", async () => {
    const again = await traced(RUN);
    expect(again.lines.join("")).toBe(recorded.lines.join(""));
    expect(await replay(recorded.lines)).toEqual({ ok: true, steps: recorded.summary.steps });
    const at = recorded.lines.findIndex(
      (line, i) => i > 0 && line.includes('"op":"portMove"') && line.includes('"ok":true'),
    );
    const step = JSON.parse(recorded.lines[at]!) as TraceStep & { answer: { state: string } };
    step.answer.state = "canceled";
    const lines = [...recorded.lines];
    lines[at] = `${JSON.stringify(step)}\n`;
    expect(await replay(lines)).toMatchObject({ ok: false, step: at, part: "answer" });
  });

  it("on SQLite the trace is the same but for the revisions each store assigns", async () => {
    expect(await unrevisedSqliteTrace(RUN)).toBe(unrevised(recorded.lines));
  });
});
