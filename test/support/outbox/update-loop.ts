// Writes without end in its own process, to be killed: updates numbers one after another on a
// SQLite file, printing "committed <number> <step>" once each update has answered.
import { createSqliteWorld } from "../../../src/compose/sqlite-world.js";
import { unwrap } from "../../../src/domain/errors.js";
import { OUTBOX_ACCOUNTS, OUTBOX_NUMBERS } from "./outbox-plan.js";

const [path = ""] = process.argv.slice(2);
const world = await createSqliteWorld({
  path,
  accounts: OUTBOX_ACCOUNTS,
  numbers: OUTBOX_NUMBERS.map((number) => ({ number, state: "in_service", assignedTo: "acme" })),
});
for (let step = 0; ; step++) {
  const number = OUTBOX_NUMBERS[step % OUTBOX_NUMBERS.length] as string;
  unwrap(await world.engine.update({ number, requester: "acme", patch: { step } }));
  process.stdout.write(`committed ${number} ${step}\n`);
}
