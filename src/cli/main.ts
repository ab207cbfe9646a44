#!/usr/bin/env node
/** The `number-lifecycle` command: `serve`, `conformance PATH...`, `simulate` and `replay TRACE`. */
const [command, ...args] = process.argv.slice(2);

const commands: Record<string, () => Promise<number | undefined>> = {
  serve: async () => (await import("./serve.js")).serve(args),
  conformance: async () => (await import("./conformance.js")).conformance(args),
  simulate: async () => (await import("./simulate.js")).simulateCli(args, processIo()),
  replay: async () => (await import("./replay.js")).replayCli(args, processIo()),
};

function processIo() {
  return {
    out: (text: string) => void process.stdout.write(text),
    err: (text: string) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY,
  };
}

const run = commands[command ?? ""];
if (run === undefined) {
  process.stderr.write(
    "usage: number-lifecycle serve | conformance PATH... | simulate [options] | replay TRACE\n",
  );
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
