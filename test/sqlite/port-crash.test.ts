import Database from "better-sqlite3";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createSqliteWorld } from "../../src/compose/sqlite-world.js";
import { isNumberEvent } from "../../src/domain/events.js";
import { killHard, startChild } from "../support/child.js";
import {
  PORT_CRASH_ACCOUNTS,
  PORT_CRASH_SIZE,
  portCrashNumbers,
} from "../support/crash/port-crash-plan.js";
import { tempFolder } from "../support/sqlite.js";

const COMPLETE = fileURLToPath(new URL("../support/crash/port-completion.ts", import.meta.url));

describe("a 1,000-number port completion killed (SIGKILL) on SQLite", () => {
  const folder = tempFolder("port-crash-");

  // Kills land at different points of the completion: at once, during the commit, after it.
  it.each([0, 40, 120])(
    "after reopening, either every number is in service and the request completed, or no number exists and the request is still pending (kill after %i ms)",
    async (delay) => {
      const path = join(folder, `crash-${delay}.db`);
      const child = startChild(COMPLETE, [path]);
      const id = (await child.waitFor((line) => line.startsWith("ready "))).slice("ready ".length);
      child.process.stdin.write("go\n");
      await child.waitFor((line) => line === "completing");
      await new Promise((resolve) => setTimeout(resolve, delay));
      await killHard(child);
      const answered = child.lines.includes("completed true");

      const raw = new Database(path);
      expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
      raw.close();
      const world = await createSqliteWorld({ path, accounts: PORT_CRASH_ACCOUNTS });
      expect(world.created).toBe(false);
      const request = await world.repository.portRequests.getPortRequest(id);
      const stored = await world.repository.getMany(portCrashNumbers());
      const events = (await world.repository.eventsSince(undefined, 10_000)).events
        .map((e) => e.event)
        .filter(isNumberEvent);
      world.close();

      if (request?.record.state === "completed") {
        expect(stored.size).toBe(PORT_CRASH_SIZE);
        for (const { record } of stored.values())
          expect(record).toMatchObject({
            state: "in_service",
            assignedTo: "customer",
            portedIn: true,
          });
        expect(Object.keys(request.record.portedNumbers ?? {})).toHaveLength(PORT_CRASH_SIZE);
        expect(request.record.numbers).toEqual({});
        expect(events.filter((e) => e.operation === "port_completion")).toHaveLength(
          PORT_CRASH_SIZE,
        );
      } else {
        // A completion the child saw committed must have survived the kill (synchronous FULL).
        expect(answered).toBe(false);
        expect(request?.record.state).toBe("pending");
        expect(Object.keys(request?.record.numbers ?? {})).toHaveLength(PORT_CRASH_SIZE);
        expect(stored.size).toBe(0);
        expect(events).toEqual([]);
      }
    },
    300_000,
  );
});
