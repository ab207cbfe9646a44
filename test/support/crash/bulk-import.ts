// A bulk import in its own process, to be killed: creates IMPORT_TOTAL numbers on a SQLite file
// through collection PUTs of IMPORT_BATCH numbers, printing "batch <i> <status>" after each answer.
import { createSqliteWorld } from "../../../src/compose/sqlite-world.js";
import { createApiHandler } from "../../../src/http/handler.js";
import { IMPORT_ACCOUNTS, importBatches } from "./import-plan.js";

const [path = "", synchronous = "FULL"] = process.argv.slice(2);
const world = await createSqliteWorld({
  path,
  synchronous: synchronous === "NORMAL" ? "NORMAL" : "FULL",
  accounts: IMPORT_ACCOUNTS,
  tokens: [["token-reseller", "reseller"]],
});
const handler = createApiHandler({ engine: world.engine, tokens: world.tokens });
for (const [i, numbers] of importBatches().entries()) {
  const response = await handler({
    method: "PUT",
    path: "/v2/accounts/reseller/phone_numbers/collection",
    headers: { "X-Auth-Token": "token-reseller" },
    body: JSON.stringify({ data: { numbers } }),
  });
  process.stdout.write(`batch ${i} ${response.status}\n`);
}
world.close();
process.stdout.write("done\n");
