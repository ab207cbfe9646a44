import { StoreOpenError } from "../adapters/sqlite/sqlite-database.js";
import { integerOption, UserError, type Command } from "./command.js";
import { banner, startServer, type ServerOutput } from "./serve.js";
import { openServeWorld, SeedFileError } from "./serve-store.js";
import { STORE_OPTION, storeSpecOf } from "./store-option.js";
import { scheduleSweeps } from "./sweep-schedule.js";

/** The longest sweep interval a timer can wait (2^31 - 1 ms), in seconds. */
const MAX_INTERVAL_S = 2_147_483;

/** Resolves when the signal fires (at once when it already has). */
const aborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });

/** `number-lifecycle serve`: the sandbox API server, with the clean-up on a schedule. */
export const serveCommand: Command = {
  name: "serve",
  summary: "run the sandbox Kazoo v2 phone_numbers API server",
  usage: "[options]",
  description: [
    "Serves the phone_numbers API over a demo world (a master account, a reseller, two",
    "customers, 3,000 numbers at a simulated carrier) and prints each account's token.",
    "Numbers, accounts and tokens live in --store (SQLite by default, created on first run and",
    "seeded then, with the demo world or the --seed file); a restart finds them again.",
    "The clean-up (Kazoo's number crawler) runs at start and then every --sweep-interval",
    "seconds, logging one line per run. SIGINT or SIGTERM stops accepting connections,",
    "answers the requests in flight and exits 0.",
  ],
  options: {
    port: {
      type: "string",
      valueName: "PORT",
      default: "8000",
      env: "PORT",
      description: "TCP port to listen on (0: any free port)",
    },
    host: {
      type: "string",
      valueName: "HOST",
      default: "127.0.0.1",
      env: "HOST",
      description: "address to bind (0.0.0.0 for every interface)",
    },
    store: STORE_OPTION,
    seed: {
      type: "string",
      valueName: "FILE",
      description: "seed a new store from a JSON file in the conformance `given` format",
    },
    "sweep-interval": {
      type: "string",
      valueName: "SECONDS",
      default: "86400",
      description: "seconds between clean-up runs; 0 turns the schedule off",
    },
  },
  positionals: { min: 0, max: 0 },
  examples: [
    "number-lifecycle serve --port 8080 --sweep-interval 3600",
    "number-lifecycle serve --store sqlite:/var/lib/numbers.db --seed world.json",
    "number-lifecycle serve --store 'postgres://app@db.example/numbers?schema=sandbox'",
  ],
  exitCodes: {
    1: "could not start (port in use, address not available, store or seed file unusable, ...)",
  },
  async run(input) {
    const port = integerOption(input, "port", 0, 65_535);
    const interval = integerOption(input, "sweep-interval", 0, MAX_INTERVAL_S);
    const { io } = input;
    const output: ServerOutput = {
      log: (line) => io.out(`${line}\n`),
      error: (line) => io.err(`${line}\n`),
    };
    const spec = storeSpecOf(input);
    const store = await openServeWorld(spec, input.options["seed"]).catch((error: unknown) => {
      throw error instanceof StoreOpenError || error instanceof SeedFileError
        ? new UserError(error.message)
        : error;
    });
    try {
      const host = input.options["host"] ?? "127.0.0.1";
      const server = await startServer({ port, host, output, world: store.world });
      for (const line of banner(server, store.description)) output.log(line);
      const sweeps = scheduleSweeps(server.engine, interval, output.log);
      await aborted(io.signal);
      output.log("stopping: finishing the requests in flight");
      await server.close();
      await sweeps.stop();
      output.log("sandbox stopped");
      return 0;
    } finally {
      await store.close();
    }
  },
};
