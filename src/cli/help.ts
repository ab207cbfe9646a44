import { COMMON_OPTIONS, type Command, type OptionSpec } from "./command.js";

/** The tool's name as typed on the command line. */
export const TOOL = "number-lifecycle";

const column = (left: string, right: string, width: number): string =>
  `  ${left.padEnd(width)}  ${right}`;

function optionLeft(name: string, spec: OptionSpec): string {
  const long = spec.type === "string" ? `--${name} ${spec.valueName ?? "VALUE"}` : `--${name}`;
  return spec.short === undefined ? long : `-${spec.short}, ${long}`;
}

function optionRight(spec: OptionSpec): string {
  const notes = [
    ...(spec.default === undefined ? [] : [`default: ${spec.default}`]),
    ...(spec.env === undefined ? [] : [`env ${spec.env}`]),
  ];
  return notes.length === 0 ? spec.description : `${spec.description} (${notes.join("; ")})`;
}

/** The `--help` text of a command: usage, description, every option with its default, examples. */
export function commandHelp(command: Command): string {
  const options = Object.entries({ ...command.options, ...COMMON_OPTIONS });
  const width = Math.max(...options.map(([name, spec]) => optionLeft(name, spec).length));
  const lines = [
    `usage: ${TOOL} ${command.name} ${command.usage}`,
    "",
    ...command.description,
    "",
    "options:",
    ...options.map(([name, spec]) => column(optionLeft(name, spec), optionRight(spec), width)),
    "",
    "exit codes:",
    ...Object.entries({
      0: "success",
      2: "wrong usage (unknown option, missing argument)",
      ...command.exitCodes,
    }).map(([code, meaning]) => `  ${code}  ${meaning}`),
    "",
    command.examples.length === 1 ? "example:" : "examples:",
    ...command.examples.map((example) => `  ${example}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** The tool's `--help` text: every command with its one-line summary. */
export function toolHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = [
    `${TOOL} ${version}: the life of telephone numbers, with Kazoo number-manager semantics`,
    "",
    `usage: ${TOOL} COMMAND [options]`,
    `       ${TOOL} COMMAND --help    (what a command does, its options and an example)`,
    `       ${TOOL} --version`,
    "",
    "commands:",
    ...commands.map((command) => column(command.name, command.summary, width)),
  ];
  return `${lines.join("\n")}\n`;
}
