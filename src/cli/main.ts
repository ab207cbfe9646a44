#!/usr/bin/env node
/** The `number-lifecycle` command line: see `number-lifecycle --help` and docs/cli.md. */
import { readFileSync } from "node:fs";
import { COMMANDS } from "./commands.js";
import { runCli } from "./run-cli.js";

const { version } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

// A reader that went away (`| head`) ends the output, not the program with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const stop = new AbortController();
const onSignal = (): void => {
  if (stop.signal.aborted) process.exit(130); // a second signal: stop now
  stop.abort();
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const code = await runCli({ commands: COMMANDS, version }, process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: process.stderr.isTTY,
  signal: stop.signal,
});
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
process.exitCode = code;
