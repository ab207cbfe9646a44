import { readFile } from "node:fs/promises";
import { SystemClock } from "../adapters/system-clock.js";
import { importDocuments, type ImportReport } from "../engine/kazoo-import.js";
import { integerOption, type Command } from "./command.js";
import { readDump } from "./kazoo-dump.js";
import { progress } from "./progress.js";
import { openCommandStore, STORE_OPTION, storeSpecOf } from "./store-option.js";
import { storeName } from "./store-spec.js";

/** The exit code of an import that left documents out. */
export const SKIPPED_EXIT = 3;

/** The lines of an import's final report: counts by outcome and state, then each skipped document. */
export function importReportLines(report: ImportReport): string[] {
  const imported = report.created + report.updated + report.unchanged;
  const states = Object.entries(report.byState)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${state} ${count}`);
  return [
    `read ${report.read} documents: ${imported} imported (${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged), ${report.skipped.length} skipped; design documents left out: ${report.designDocuments}`,
    `by state: ${states.length === 0 ? "none" : states.join(", ")}`,
    ...report.skipped.map(({ where, reason }) => `skipped ${where}: ${reason}`),
    ...(report.unknownAccounts.length === 0
      ? []
      : [`accounts not in the store: ${report.unknownAccounts.join(", ")}`]),
  ];
}

/** `number-lifecycle import FILE`: Kazoo number documents into a store. */
export const importCommand: Command = {
  name: "import",
  summary: "import Kazoo number documents (a CouchDB dump of numbers databases) into a store",
  usage: "[options] FILE",
  description: [
    "Reads an `_all_docs?include_docs=true` JSON, a JSON list, or one document (or row) per line,",
    "and writes each number document as a record: pvt_state (or legacy pvt_number_state), owner,",
    "previous owner, reserve history, module (wnm_* read as knm_*), features (a legacy list reads",
    "as {name: {}}), ported_in, carrier data, created/modified, used_by and the public fields.",
    "Documents that are not numbers are reported with their id and reason and left out; design",
    "documents are counted apart. Each chunk is written all or nothing; a number already stored",
    "exactly so is left alone, so running it again changes nothing. Progress goes to stderr, the",
    "report (counts by outcome and state, skipped documents, unknown accounts) to stdout.",
  ],
  options: {
    store: STORE_OPTION,
    "chunk-size": {
      type: "string",
      valueName: "N",
      default: "1000",
      description: "documents per all-or-nothing write",
    },
  },
  positionals: { min: 1, max: 1 },
  examples: ["number-lifecycle import --store sqlite:./data/numbers.db numbers-dump.json"],
  exitCodes: {
    1: "the file or the store cannot be used (nothing past the chunks already written is kept)",
    [SKIPPED_EXIT]: "imported, but some documents were skipped (listed in the report)",
  },
  async run(input) {
    const chunkSize = integerOption(input, "chunk-size", 1, 100_000);
    const [file = ""] = input.positionals;
    const spec = storeSpecOf(input);
    const entries = readDump(await readFile(file, "utf8"));
    const store = await openCommandStore(spec, { mustExist: false });
    try {
      const bar = progress(input.io, "import", "documents");
      const report = await importDocuments(entries, store.world.repository, store.world.accounts, {
        chunkSize,
        now: new SystemClock().now(),
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.finish();
      input.io.out(`import of ${file} into ${storeName(spec)}\n`);
      for (const line of importReportLines(report)) input.io.out(`${line}\n`);
      return report.skipped.length === 0 ? 0 : SKIPPED_EXIT;
    } finally {
      await store.close();
    }
  },
};
