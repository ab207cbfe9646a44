import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { allRecords } from "../engine/scan.js";
import type { Command } from "./command.js";
import { writeDump } from "./kazoo-dump.js";
import { openCommandStore, STORE_OPTION, storeSpecOf } from "./store-option.js";
import { storeName } from "./store-spec.js";

/** Rows gathered before each write. */
const ROWS_PER_WRITE = 500;

/** A sink that gathers text and hands it on in large pieces. */
function buffered(write: (text: string) => Promise<void>) {
  let pending: string[] = [];
  return {
    write: async (text: string) => {
      pending.push(text);
      if (pending.length >= ROWS_PER_WRITE) await flush();
    },
    flush: () => flush(),
  };
  async function flush(): Promise<void> {
    const text = pending.join("");
    pending = [];
    if (text !== "") await write(text);
  }
}

/** Writes a dump to a file through a temporary one, renamed into place only when complete. */
async function toFile(
  path: string,
  dump: (write: (text: string) => Promise<void>) => Promise<number>,
): Promise<number> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { encoding: "utf8" });
  await once(stream, "open");
  try {
    const rows = await dump(async (text) => {
      if (!stream.write(text)) await once(stream, "drain");
    });
    stream.end();
    await once(stream, "finish");
    await rename(partial, path);
    return rows;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** `number-lifecycle export`: a store's numbers as Kazoo number documents. */
export const exportCommand: Command = {
  name: "export",
  summary: "export a store's numbers as Kazoo number documents (an _all_docs JSON)",
  usage: "[options]",
  description: [
    "Writes every number of the store, in number order, as one CouchDB",
    "`_all_docs?include_docs=true` JSON (a row per line), in the document form `import` reads:",
    "export, import elsewhere and export again gives the same file. Timed holds and pending",
    "carrier orders, which Kazoo does not have, travel as pvt_hold_expires and pvt_pending_order.",
    "With --out the file appears only once complete.",
  ],
  options: {
    store: STORE_OPTION,
    out: {
      type: "string",
      valueName: "FILE",
      description: "the file to write (default: standard output; - also names it)",
    },
  },
  positionals: { min: 0, max: 0 },
  examples: ["number-lifecycle export --store sqlite:./data/numbers.db --out numbers-dump.json"],
  exitCodes: { 1: "the store cannot be opened or the file cannot be written" },
  async run(input) {
    const spec = storeSpecOf(input);
    const out = input.options["out"];
    const store = await openCommandStore(spec, { mustExist: true });
    try {
      const dump = async (write: (text: string) => Promise<void>): Promise<number> => {
        const sink = buffered(write);
        const rows = await writeDump(allRecords(store.world.repository), sink.write);
        await sink.flush();
        return rows;
      };
      if (out === undefined || out === "-") {
        const rows = await dump((text) => Promise.resolve(input.io.out(text)));
        input.io.err(`exported ${rows} numbers from ${storeName(spec)}\n`);
      } else {
        const rows = await toFile(out, dump);
        input.io.err(`exported ${rows} numbers from ${storeName(spec)} to ${out}\n`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
