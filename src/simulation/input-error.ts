import type { JsonValue } from "../domain/json.js";

/** A malformed input file (a profile or a trace): which file, which line, which field, and why. */
export class InputFileError extends Error {
  /** Builds the error; its message reads `file:line: field: problem`. */
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${field === "" ? "" : `${field}: `}${problem}`);
    this.name = "InputFileError";
  }
}

/** The 1-based line of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Parses JSON text; a syntax error becomes an InputFileError on the line where the parser
 * stopped (`firstLine` is the text's own first line in its file).
 */
export function parseJsonText(text: string, file: string, firstLine = 1): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const position = /position (\d+)/.exec(message);
    const line = position === null ? 1 : lineAt(text, Number(position[1]));
    throw new InputFileError(file, firstLine + line - 1, "", `not valid JSON (${message})`);
  }
}

/** The line where a field's key appears, following its path of keys in order (1 when none do). */
export function lineOfPath(text: string, path: readonly string[]): number {
  let from = 0;
  let found = -1;
  for (const key of path) {
    const at = text.indexOf(JSON.stringify(key), from);
    if (at < 0) break;
    found = at;
    from = at + key.length + 2;
  }
  return found < 0 ? 1 : lineAt(text, found);
}
