/** One line naming what went wrong, for errors a user can cause: no stack, no internals. */

interface SystemError {
  readonly code?: unknown;
  readonly syscall?: unknown;
  readonly path?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly hostname?: unknown;
  readonly message: string;
}

const where = (error: SystemError): string =>
  typeof error.port === "number" ? `${String(error.address)}:${error.port}` : String(error.address);

/** Messages by system error code; each returns undefined when the error lacks what it names. */
const BY_CODE: Readonly<Record<string, (error: SystemError) => string | undefined>> = {
  EADDRINUSE: (e) => `${where(e)} is already in use (choose another --port, or stop what uses it)`,
  EADDRNOTAVAIL: (e) => `${String(e.address)} is not an address of this machine (check --host)`,
  ENOENT: (e) => (typeof e.path === "string" ? `${e.path}: no such file or folder` : undefined),
  EISDIR: (e) => (typeof e.path === "string" ? `${e.path}: is a folder, not a file` : undefined),
  ENOTDIR: (e) =>
    typeof e.path === "string" ? `${e.path}: a part of the path is not a folder` : undefined,
  EACCES: (e) =>
    e.syscall === "listen"
      ? `not allowed to listen on ${where(e)} (ports below 1024 need privileges)`
      : typeof e.path === "string"
        ? `${e.path}: permission denied`
        : undefined,
  ECONNREFUSED: (e) => `cannot reach ${where(e)}: connection refused (is the database running?)`,
  ENOTFOUND: (e) => `cannot resolve the host name ${String(e.hostname)}`,
  ETIMEDOUT: (e) => `timed out reaching ${where(e)}`,
};

/** The first line of an error's message, or its string form. */
function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() ?? text;
}

/** The one-line description of a system error whose code we know, else undefined. */
function describeSystemError(error: Error): string | undefined {
  const system = error as SystemError;
  return typeof system.code === "string" ? BY_CODE[system.code]?.(system) : undefined;
}

/** True for system errors a user causes and can fix (their description says all there is). */
export function isKnownSystemError(error: unknown): boolean {
  return error instanceof Error && describeSystemError(error) !== undefined;
}

/** Describes any thrown value in one line. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return firstLine(String(error));
  const byCode = describeSystemError(error);
  if (byCode !== undefined) return byCode;
  if (error instanceof AggregateError && error.errors.length > 0) {
    return describeError(error.errors[0]);
  }
  return firstLine(error.message === "" ? error.name : error.message);
}
