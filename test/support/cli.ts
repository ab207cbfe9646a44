import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { COMMANDS } from "../../src/cli/commands.js";
import { runCli } from "../../src/cli/run-cli.js";

/** The repository root, where `src/cli/main.ts` runs from. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** What a command printed and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the tool in-process with captured output (no TTY, no environment unless given). */
export async function runTool(
  args: readonly string[],
  options: { env?: Record<string, string>; signal?: AbortSignal; isTTY?: boolean } = {},
): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await runCli({ commands: COMMANDS, version: "9.9.9-test" }, args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    signal: options.signal ?? new AbortController().signal,
  });
  return { code, out, err };
}

/** Runs `src/cli/main.ts` in a child process (through tsx) and waits for it to exit. */
export function runMain(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const child = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: child.status ?? -1, out: child.stdout, err: child.stderr };
}

/**
 * Starts `src/cli/main.ts` in a child process and returns it, for servers. The store is memory
 * unless `env` or `args` name another, so a test never writes ./data in the repository.
 */
export function spawnMain(args: readonly string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NUMBERS_STORE: "memory", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
