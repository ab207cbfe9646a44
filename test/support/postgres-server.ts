// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temp folder, pg_ctl start
// on a free loopback port, stop and remove afterwards. As root, the server runs as `postgres`.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/** A running server: its connection URL and how to stop it. */
export interface PostgresServer {
  readonly url: string;
  /** Stops the server and removes its data folder. */
  readonly stop: () => void;
}

/** How the throwaway server runs: `durable` keeps fsync on (benchmarks), tests turn it off. */
export interface ServerOptions {
  readonly durable?: boolean;
}

const SEARCHED = "/usr/lib/postgresql/*/bin and PATH";

/** The folder holding initdb and pg_ctl: the newest /usr/lib/postgresql/N/bin, or PATH. */
export function postgresBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] !== undefined) return join(root, versions[0], "bin");
  for (const dir of (process.env["PATH"] ?? "").split(":")) {
    if (dir !== "" && existsSync(join(dir, "initdb"))) return dir;
  }
  throw new Error(
    `PostgreSQL tests need a server: no initdb found in ${SEARCHED}. ` +
      "Install the postgresql package (.ci/run does) or set DATABASE_URL to a server.",
  );
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary, as the `postgres` user when we are root. */
function runAs(binary: string, args: readonly string[]): void {
  const asRoot = userInfo().uid === 0;
  const [command, argv] = asRoot
    ? ["runuser", ["-u", "postgres", "--", binary, ...args]]
    : [binary, [...args]];
  execFileSync(command, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: tmpdir() });
}

/** Starts a fresh server on a free loopback port; throws a clear error when it cannot. */
export async function startPostgres(options: ServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), "number-lifecycle-pg-"));
  const data = join(dir, "data");
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    if (userInfo().uid === 0) {
      const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
      const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
      chownSync(dir, Number(ids), Number(gid));
    }
    runAs(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    const settings = [
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      "-c max_connections=200",
      ...(options.durable === true
        ? []
        : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
    ];
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        runAs(join(bin, "pg_ctl"), [
          "-D",
          data,
          "-l",
          join(dir, "server.log"),
          "-w",
          "-o",
          [`-p ${port}`, ...settings].join(" "),
          "start",
        ]);
      } catch (error) {
        lastError = error;
        continue;
      }
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        stop: () => {
          try {
            runAs(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
          } finally {
            remove();
          }
        },
      };
    }
    throw lastError;
  } catch (error) {
    remove();
    const detail =
      error instanceof Error && "stderr" in error ? String(error.stderr) : String(error);
    throw new Error(`could not start a throwaway PostgreSQL server from ${bin}: ${detail}`);
  }
}
