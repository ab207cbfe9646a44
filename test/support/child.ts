import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";

/** A TypeScript script run in its own Node process (through tsx), with its output lines. */
export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves with the first output line that satisfies `test` (rejects if the child exits first). */
  waitFor(test: (line: string) => boolean): Promise<string>;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** Resolves with the exit code (or the signal's name) once the child is gone. */
  readonly exited: Promise<number | string>;
  /** Everything written to stderr so far. */
  stderr(): string;
}

/** Starts `node --import tsx script args...`. */
export function startChild(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Child {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env });
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return {
    process: child,
    lines,
    exited,
    stderr: () => errors,
    waitFor: (test) => {
      const seen = lines.find(test);
      if (seen !== undefined) return Promise.resolve(seen);
      return Promise.race([
        new Promise<string>((resolve) => waiters.push({ test, resolve })),
        exited.then((code) => {
          throw new Error(`the child exited (${code}) first: ${errors.trim()}`);
        }),
      ]);
    },
  };
}

/** Kills a child with SIGKILL and waits until it is gone. */
export async function killHard(child: Child): Promise<void> {
  child.process.kill("SIGKILL");
  await child.exited;
}
