/**
 * Every command of `number-lifecycle`, in the order `--help` lists them. To add one, write a
 * module exporting a `Command` (see command.ts) and list it here.
 */
import type { Command } from "./command.js";
import { conformanceCommand } from "./conformance.js";
import { replayCommand } from "./replay-command.js";
import { serveCommand } from "./serve-command.js";
import { simulateCommand } from "./simulate-command.js";

/** The registry `main.ts` dispatches on. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  conformanceCommand,
  simulateCommand,
  replayCommand,
];
