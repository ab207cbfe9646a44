#!/usr/bin/env node
/** The `number-lifecycle` command: `serve` (the sandbox API server) and `conformance PATH...`. */
const [command, ...args] = process.argv.slice(2);

const commands: Record<string, () => Promise<number | undefined>> = {
  serve: async () => (await import("./serve.js")).serve(args),
  conformance: async () => (await import("./conformance.js")).conformance(args),
};

const run = commands[command ?? ""];
if (run === undefined) {
  process.stderr.write("usage: number-lifecycle serve | conformance PATH...\n");
  process.exitCode = 2;
} else {
  run().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
