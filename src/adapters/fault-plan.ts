/** Which port an injected fault hits. */
export type FaultPort = "carrier" | "phonebook" | "e911";

/** One injected failure: a port operation fails, for one number or for all. */
export interface Fault {
  readonly port: FaultPort;
  readonly op: string;
  readonly number?: string | undefined;
  readonly message?: string | undefined;
}

/** A set of injected failures that simulated adapters consult before each call. */
export class FaultPlan {
  /** Starts with the given faults (more can be added). */
  constructor(private readonly faults: Fault[] = []) {}

  /** Adds a fault. */
  add(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Like `check`, as a promise that rejects instead of a synchronous throw. */
  enter(port: FaultPort, op: string, numbers: readonly string[] = []): Promise<void> {
    try {
      this.check(port, op, numbers);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Throws the fault's message when an operation on a port (for a number) must fail. */
  check(port: FaultPort, op: string, numbers: readonly string[] = []): void {
    const hit = this.faults.find(
      (f) =>
        f.port === port && f.op === op && (f.number === undefined || numbers.includes(f.number)),
    );
    if (hit !== undefined) throw new Error(hit.message ?? "fault by carrier");
  }
}
