import { parseArgs } from "node:util";
import {
  COMMON_OPTIONS,
  UsageError,
  UserError,
  type CliIo,
  type Command,
  type CommandInput,
} from "./command.js";
import { describeError, isKnownSystemError } from "./describe-error.js";
import { TOOL, commandHelp, toolHelp } from "./help.js";

/** What the tool knows about itself: its commands and its version. */
export interface Tool {
  readonly commands: readonly Command[];
  readonly version: string;
}

/** Reads a command's arguments: unknown options, missing values and extra arguments are UsageErrors. */
function parseCommand(command: Command, args: readonly string[], io: CliIo): CommandInput {
  const specs = { ...command.options, ...COMMON_OPTIONS };
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [
        name,
        spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const given: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option ${token.rawName}`);
    if (spec.type === "boolean") {
      if (token.inlineValue === true) throw new UsageError(`${token.rawName} takes no value`);
      flags.add(token.name);
    } else if (token.value === undefined) {
      throw new UsageError(`${token.rawName} needs a value (${spec.valueName ?? "VALUE"})`);
    } else given[token.name] = token.value;
  }
  const options: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.type === "string") {
      options[name] =
        given[name] ?? (spec.env === undefined ? undefined : io.env[spec.env]) ?? spec.default;
    }
  }
  return { options, flags, positionals, io };
}

function checkPositionals(command: Command, input: CommandInput): void {
  const count = input.positionals.length;
  if (count < command.positionals.min) {
    throw new UsageError(`missing argument: usage ${TOOL} ${command.name} ${command.usage}`);
  }
  if (count > command.positionals.max) {
    throw new UsageError(
      `unexpected argument "${input.positionals[command.positionals.max] ?? ""}"`,
    );
  }
}

/** Runs a command's body, turning what it throws into one line and an exit code. */
async function runCommand(command: Command, input: CommandInput): Promise<number> {
  try {
    return await command.run(input);
  } catch (error) {
    if (input.flags.has("debug") && error instanceof Error) input.io.err(`${error.stack ?? ""}\n`);
    if (error instanceof UsageError) {
      input.io.err(`${TOOL} ${command.name}: ${error.message} (see --help)\n`);
      return 2;
    }
    const plain = error instanceof UserError || isKnownSystemError(error);
    const hint = plain || input.flags.has("debug") ? "" : " (--debug shows more)";
    input.io.err(`${TOOL} ${command.name}: ${describeError(error)}${hint}\n`);
    return 1;
  }
}

/**
 * Runs the tool on its arguments (without `node` and the script): `--help`, `--version`, or a
 * command. Resolves to the exit code: 0 success, 1 failure, 2 wrong usage, others per command.
 */
export async function runCli(tool: Tool, args: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === "--help" || first === "-h" || first === "help") {
    io.out(toolHelp(tool.commands, tool.version));
    return 0;
  }
  if (first === "--version") {
    io.out(`${tool.version}\n`);
    return 0;
  }
  const command = tool.commands.find((candidate) => candidate.name === first);
  if (command === undefined) {
    const names = tool.commands.map((c) => c.name).join(", ");
    io.err(
      first === undefined
        ? `${TOOL}: missing command (one of ${names}); see ${TOOL} --help\n`
        : `${TOOL}: unknown command "${first}" (one of ${names}); see ${TOOL} --help\n`,
    );
    return 2;
  }
  let input: CommandInput;
  try {
    input = parseCommand(command, rest, io);
    if (input.flags.has("help")) {
      io.out(commandHelp(command));
      return 0;
    }
    checkPositionals(command, input);
  } catch (error) {
    io.err(
      `${TOOL} ${command.name}: ${describeError(error)} (see ${TOOL} ${command.name} --help)\n`,
    );
    return 2;
  }
  return runCommand(command, input);
}
