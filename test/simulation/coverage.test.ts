import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { isNumberEvent } from "../../src/domain/events.js";
import { TRANSITION_TABLE } from "../../src/machine/transition-table.js";
import { machineEdges, reachableEdges } from "../../src/simulation/edges.js";
import { DEFAULT_PROFILE, parseProfile } from "../../src/simulation/profile.js";
import { simulate } from "../../src/simulation/simulate.js";
import type { TraceStep } from "../../src/simulation/trace-format.js";
import { traced } from "./support.js";

const profileFile = (name: string) =>
  readFile(new URL(`../../docs/profiles/${name}.json`, import.meta.url), "utf8").then((text) =>
    parseProfile(text, name),
  );

describe("edges of the machine", () => {
  it("lists one edge per (from, to) pair the table moves along, with its events", () => {
    const edges = machineEdges();
    for (const [state, events] of TRANSITION_TABLE) {
      for (const [event, candidates] of events) {
        for (const { outcome } of candidates) {
          if (outcome.kind !== "move") continue;
          const edge = edges.find((e) => e.id === `${state}>${outcome.target}`);
          expect(edge?.events, `${state} ${event}`).toContain(event);
        }
      }
    }
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it("derives what a profile can reach from its settings: ageing, released or deleted on release", () => {
    const ageing = reachableEdges(DEFAULT_PROFILE);
    expect(ageing).toContain("in_service>aging");
    expect(ageing).not.toContain("in_service>available");
    expect(ageing).not.toContain("port_in>reserved"); // a port-in has no reserve history to unwind to
    const released = reachableEdges({ ...DEFAULT_PROFILE, config: { released_state: "released" } });
    expect(released).toContain("in_service>released");
    expect(released).not.toContain("in_service>aging");
    const deleting = reachableEdges({
      ...DEFAULT_PROFILE,
      config: { should_permanently_delete: true },
    });
    expect(deleting).toContain("reserved>deleted");
    expect(deleting).not.toContain("reserved>aging");
    const quiet = reachableEdges({
      ...DEFAULT_PROFILE,
      flows: { ...DEFAULT_PROFILE.flows, hardDelete: 0 },
    });
    expect(quiet.filter((id) => id.endsWith(">deleted"))).toEqual([]);
  });
});

describe("simulate: coverage", () => {
  it("reaches every edge the default profile can reach (the smallest covering run; npm run simulate:long runs 10k numbers for 90 days)", async () => {
    const summary = await simulate({ seed: 2, accounts: 20, numbers: 3_000, days: 30 });
    const reachable = summary.edges.filter((edge) => edge.reachable);
    expect(reachable.length).toBeGreaterThan(20);
    expect(reachable.filter((edge) => edge.count === 0).map((edge) => edge.id)).toEqual([]);
    expect(summary.edges.filter((e) => !e.reachable && e.count > 0)).toEqual([]);
    const ports = summary.portEdges.filter((edge) => edge.reachable);
    expect(ports.length).toBe(16); // every edge but submitted -> scheduled (a setting, off)
    expect(ports.filter((edge) => edge.count === 0).map((edge) => edge.id)).toEqual([]);
    expect(summary.portEdges.filter((e) => !e.reachable && e.count > 0)).toEqual([]);
    expect(summary.offMachine).toEqual({});
  }, 180_000);

  it("the default profile file is the built-in default", async () => {
    expect(await profileFile("default")).toEqual(DEFAULT_PROFILE);
  });

  it("hold-abandon profile: abandoned holds expire and the pool numbers come back and are sold again", async () => {
    const profile = await profileFile("hold-abandon");
    const { summary, lines } = await traced({
      seed: 3,
      accounts: 10,
      numbers: 400,
      days: 4,
      profile,
    });
    const steps = lines.slice(1).map((line) => JSON.parse(line) as TraceStep);
    const header = JSON.parse(lines[0]!);
    expect(header.profile.name).toBe("hold-abandon");
    const events = steps.flatMap((step) => step.events).filter(isNumberEvent);
    const returned = events.filter(
      (e) => e.operation === "hold_expiry" && e.from === "reserved" && e.to === "available",
    );
    expect(returned.length).toBeGreaterThan(10);
    expect(summary.edges.find((e) => e.id === "reserved>available")?.count).toBe(returned.length);
    const back = new Set(returned.map((e) => e.number));
    const returnedAt = new Map(returned.map((e) => [e.number, e.timestamp]));
    const resold = events.filter(
      (e) =>
        back.has(e.number) && e.from === "available" && e.timestamp > returnedAt.get(e.number)!,
    );
    expect(resold.length).toBeGreaterThan(0);
  });
});
