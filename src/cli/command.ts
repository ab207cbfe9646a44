/** How a command of the `number-lifecycle` tool is declared: its options, help and body. */

/** Where a command writes, and what it reads from its surroundings. */
export interface CliIo {
  /** Writes to standard output (text includes its own newlines). */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** The environment variables options fall back to. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when standard error is a terminal (progress bars draw only then). */
  readonly isTTY: boolean;
  /** Aborted on SIGINT/SIGTERM: long-running commands stop when it fires. */
  readonly signal: AbortSignal;
}

/** One option of a command. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** What the option does, for `--help`. */
  readonly description: string;
  /** A one-letter alias (`-h`). */
  readonly short?: string;
  /** The placeholder shown after a string option in help (`PORT`, `FILE`, ...). */
  readonly valueName?: string;
  /** The value used when neither the option nor its variable is given (shown in help). */
  readonly default?: string;
  /** An environment variable the option falls back to. */
  readonly env?: string;
}

/** The options a command was given: each string option resolved (flag, then variable, then default). */
export interface CommandInput {
  readonly options: Readonly<Record<string, string | undefined>>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
  readonly io: CliIo;
}

/** A command: what `--help` shows and what runs. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** What follows the command name in the usage line, e.g. `[options] FILE`. */
  readonly usage: string;
  /** Lines shown by `--help` after the usage line. */
  readonly description: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Ready-to-run examples, at least one. */
  readonly examples: readonly string[];
  /** Exit codes beyond 0 (success) and 2 (usage), for `--help`. */
  readonly exitCodes?: Readonly<Record<number, string>>;
  /** Runs the command; resolves to the exit code. */
  run(input: CommandInput): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: "boolean", short: "h", description: "show this help and exit" },
  debug: { type: "boolean", description: "print the stack trace of an error" },
};

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A problem the user can fix (port in use, unreadable file, ...): one line on stderr, exit code 1. */
export class UserError extends Error {
  override readonly name = "UserError";
}

/** Reads a string option as an integer in a range, or throws a UsageError naming the option. */
export function integerOption(input: CommandInput, name: string, min: number, max: number): number {
  const raw = input.options[name] ?? "";
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** The option's resolved value, or throws a UsageError when it has none. */
export function requiredOption(input: CommandInput, name: string): string {
  const value = input.options[name];
  if (value === undefined || value === "") throw new UsageError(`--${name} is required`);
  return value;
}
