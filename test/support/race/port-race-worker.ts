// A port race worker process: opens the store named on the command line, waits for "go" on
// stdin, runs its operations (ports or buys) all at once through the API handler, and prints
// their outcomes as JSON.
import { createInterface } from "node:readline";
import { openStoreWorld } from "../../../src/cli/serve-store.js";
import { parseStoreSpec } from "../../../src/cli/store-spec.js";
import { portRaceOps, portRaceSetup, raceHandler, runPortRaceOp } from "./port-race-ops.js";

const [storeArg = "", roleArg = "port", workerArg = "0", countArg = "20", seedArg = "1"] =
  process.argv.slice(2);
const spec = parseStoreSpec(storeArg);
if ("error" in spec) throw new Error(spec.error);
const opened = await openStoreWorld(spec, portRaceSetup());
const handle = raceHandler(opened.world);
const role = roleArg === "buy" ? "buy" : "port";
const ops = portRaceOps(role, Number(workerArg), Number(countArg), Number(seedArg));
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === "go") break;
const outcomes = await Promise.all(ops.map((op) => runPortRaceOp(handle, op)));
await opened.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
process.exit(0);
