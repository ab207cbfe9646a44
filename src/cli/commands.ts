/**
 * Every command of `number-lifecycle`, in the order `--help` lists them. To add one, write a
 * module exporting a `Command` (see command.ts) and list it here.
 */
import type { Command } from "./command.js";
import { conformanceCommand } from "./conformance.js";
import { exportCommand } from "./export-command.js";
import { importCommand } from "./import-command.js";
import { replayCommand } from "./replay-command.js";
import { serveCommand } from "./serve-command.js";
import { simulateCommand } from "./simulate-command.js";
import { sweepCommand } from "./sweep-command.js";

/** The registry `main.ts` dispatches on. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  sweepCommand,
  importCommand,
  exportCommand,
  conformanceCommand,
  simulateCommand,
  replayCommand,
];
