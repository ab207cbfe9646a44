import type { PortRequestEvent } from "../domain/port-request-events.js";
import { PORT_STATES, type PortState } from "../domain/port-states.js";
import { SYSTEM } from "../domain/accounts.js";

/** What the clean-up and the completions did to port requests over a run. */
export interface PortTally {
  /** Requests the clean-up deleted, by the state they were in. */
  readonly sweptByState: Partial<Record<PortState, number>>;
  /** Requests deleted through the API. */
  deletedByApi: number;
  /** Reminders the clean-up sent for `unconfirmed` requests. */
  reminders: number;
  /** Completions by the port authority's move, and by a first inbound call. */
  completedByAuthority: number;
  completedByInboundCall: number;
}

/**
 * The simulator's view of the port requests, kept from their committed events: each request's
 * state (absent once deleted), and the tallies of the summary.
 */
export class PortModel {
  readonly #states = new Map<string, PortState>();
  readonly tally: PortTally = {
    sweptByState: {},
    deletedByApi: 0,
    reminders: 0,
    completedByAuthority: 0,
    completedByInboundCall: 0,
  };

  /** Follows one committed port request event. */
  apply(event: PortRequestEvent): void {
    const id = event.port_request_id;
    switch (event.type) {
      case "port_request.created":
        this.#states.set(id, "unconfirmed");
        return;
      case "port_request.transitioned":
        if (event.to === undefined) return;
        this.#states.set(id, event.to);
        if (event.to === "completed") {
          if (event.acting_account_id === SYSTEM) this.tally.completedByInboundCall++;
          else this.tally.completedByAuthority++;
        }
        return;
      case "port_request.deleted": {
        const state = event.state ?? this.#states.get(id);
        this.#states.delete(id);
        if (event.by !== "sweep") this.tally.deletedByApi++;
        else if (state !== undefined)
          this.tally.sweptByState[state] = (this.tally.sweptByState[state] ?? 0) + 1;
        return;
      }
      case "port_request.unconfirmed_reminder":
        this.tally.reminders++;
        return;
      case "port_request.commented":
        return;
    }
  }

  /** A request's state as its last event left it; undefined once deleted (or never seen). */
  state(id: string): PortState | undefined {
    return this.#states.get(id);
  }

  /** How many requests are in each state. */
  counts(): Record<PortState, number> {
    const counts = Object.fromEntries(PORT_STATES.map((state) => [state, 0])) as Record<
      PortState,
      number
    >;
    for (const state of this.#states.values()) counts[state]++;
    return counts;
  }
}
