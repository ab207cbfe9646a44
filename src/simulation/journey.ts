import type { WorldModel } from "./model.js";
import type { PortModel } from "./port-model.js";
import type { SimulationProfile } from "./profile.js";
import type { Random } from "./random.js";
import type { SimAnswer, SimRequest } from "./requests.js";
import type { SimulatedWorld } from "./world.js";

/** What a journey works with: the world, the model, the seeded random source and the engine. */
export interface JourneyContext {
  readonly world: SimulatedWorld;
  readonly profile: SimulationProfile;
  readonly model: WorldModel;
  /** The port requests as their events left them. */
  readonly ports: PortModel;
  readonly random: Random;
  /** Sends a request and waits for its answer (events applied, trace written). */
  send(request: SimRequest): Promise<SimAnswer>;
  /** Sends a request at the start of a later day. */
  later(days: number, request: SimRequest): void;
  /** Runs a step (which may send requests) at the start of a later day. */
  after(days: number, step: () => Promise<void>): void;
  /** The next number from outside the system, or undefined when none is left. */
  nextPortable(): string | undefined;
}
