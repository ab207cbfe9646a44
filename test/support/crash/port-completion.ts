// A port completion in its own process, to be killed: on a new SQLite file, a customer's request
// for PORT_CRASH_SIZE numbers is created, submitted and moved to pending by the port authority
// ("ready <id>"); on "go" the authority completes it ("completing", then "completed <ok>").
import { createInterface } from "node:readline";
import { createSqliteWorld } from "../../../src/compose/sqlite-world.js";
import { PORT_CRASH_ACCOUNTS, portCrashNumbers } from "./port-crash-plan.js";

const [path = ""] = process.argv.slice(2);
const world = await createSqliteWorld({ path, accounts: PORT_CRASH_ACCOUNTS });
const customer = { requester: "customer", account: "customer" };
const authority = { requester: "reseller", account: "customer" };
const created = await world.engine.portRequests.create(customer, {
  name: "crash",
  numbers: Object.fromEntries(portCrashNumbers().map((n) => [n, {}])),
});
if (!created.ok) throw new Error(JSON.stringify(created.error));
const id = created.value["id"];
if (typeof id !== "string") throw new Error("the request has no id");
for (const [asker, target] of [
  [customer, "submitted"],
  [authority, "pending"],
] as const) {
  const moved = await world.engine.portRequests.move(asker, id, { target });
  if (!moved.ok) throw new Error(JSON.stringify(moved.error));
}
process.stdout.write(`ready ${id}\n`);
for await (const line of createInterface({ input: process.stdin })) if (line === "go") break;
process.stdout.write("completing\n");
const completed = await world.engine.portRequests.move(authority, id, { target: "completed" });
process.stdout.write(`completed ${completed.ok}\n`);
world.close();
process.exit(0);
