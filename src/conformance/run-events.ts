import type { StoredEvent } from "../domain/events.js";
import type { JsonObject, JsonValue } from "../domain/json.js";
import { matchValue, show, type Mismatch } from "./match.js";
import type { InspectEventsStep } from "./scenario.js";
import type { ScenarioWorld } from "./world.js";

/** Events read from the outbox per call while catching up. */
const PAGE = 1000;

/** An event as a scenario sees it: its wire keys, as plain JSON. */
function eventJson(event: StoredEvent["event"]): JsonObject {
  return JSON.parse(JSON.stringify(event)) as JsonObject;
}

/**
 * Moves the events committed since the last call from the engine's outbox to the world's list
 * of unseen events. Called after every step, so a later sweep's pruning cannot hide them.
 */
export async function collectEvents(scenarioWorld: ScenarioWorld): Promise<void> {
  const { world, events } = scenarioWorld;
  for (;;) {
    const page = await world.engine.events.since(events.cursor, PAGE);
    events.cursor = page.cursor;
    for (const stored of page.events) events.unseen.push(eventJson(stored.event));
    if (page.events.length < PAGE) return;
  }
}

/** Shows events without their patches (a count of events is what differed). */
function brief(events: readonly JsonObject[]): string {
  return show(events.map(({ patches: _, ...rest }) => rest));
}

/** Matches the unseen events (those of the step's type prefix) against the step, and marks them seen. */
export function runInspectEvents(
  step: InspectEventsStep,
  { events }: ScenarioWorld,
): Mismatch | undefined {
  const prefix = step.type;
  const actual = events.unseen.filter(
    (e) => prefix === undefined || (typeof e["type"] === "string" && e["type"].startsWith(prefix)),
  );
  events.unseen.length = 0;
  if (actual.length !== step.expect.length) {
    return {
      path: "events",
      expected: `${step.expect.length} events ${show(step.expect as JsonValue)}`,
      actual: `${actual.length} events ${brief(actual)}`,
    };
  }
  return matchValue(step.expect as JsonValue, actual, "events");
}
