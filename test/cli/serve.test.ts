import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { spawnMain } from "../support/cli.js";

/** Collects a child's output and resolves when a line matches. */
function watch(child: ChildProcess) {
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return {
    output: () => ({ out, err }),
    until: (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = (): void => {
          const found = pattern.exec(out);
          if (found !== null) resolve(found);
        };
        child.stdout?.on("data", check);
        child.once("exit", () =>
          reject(new Error(`exited before ${String(pattern)}: ${out}${err}`)),
        );
        check();
      }),
    exit: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const [code] = (await once(child, "exit")) as [number | null];
      return code;
    },
  };
}

describe("number-lifecycle serve", () => {
  const children: ChildProcess[] = [];
  const servers: Server[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
    for (const server of servers.splice(0)) server.close();
  });

  it("names a taken port in one line and exits 1, without a stack trace", async () => {
    const blocker = createServer();
    servers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    const child = spawnMain(["serve", "--port", String(port)]);
    children.push(child);
    const run = watch(child);

    expect(await run.exit()).toBe(1);
    expect(run.output()).toEqual({
      out: "",
      err: `number-lifecycle serve: 127.0.0.1:${port} is already in use (choose another --port, or stop what uses it)\n`,
    });
  });

  it("prints the address it really bound (HOST) and the store; SIGTERM stops it with exit 0", async () => {
    const child = spawnMain(["serve", "--sweep-interval", "0"], { PORT: "0", HOST: "127.0.0.2" });
    children.push(child);
    const run = watch(child);

    const [, authority] = await run.until(/listening on http:\/\/([\d.:]+) \(store: memory/);
    const reply = await fetch(`http://${authority}/v2/phone_numbers?prefix=415&quantity=1`);
    child.kill("SIGTERM");

    expect(authority).toMatch(/^127\.0\.0\.2:\d+$/);
    expect(reply.status).toBe(200);
    expect(await run.exit()).toBe(0);
    expect(run.output().out).toMatch(/sandbox stopped\n$/);
  });

  it("runs the clean-up at start and logs what it did in one line", async () => {
    const child = spawnMain(["serve", "--port", "0"]);
    children.push(child);
    const run = watch(child);

    const [line] = await run.until(/^sweep.*$/m);
    child.kill("SIGINT");

    expect(line).toMatch(
      /^sweep in \d+ ms: purged 0, aged out 0, expired holds 0, purged keys 0, settled orders 0, pruned events 0, failed 0, deleted port requests 0, port reminders 0$/,
    );
    expect(await run.exit()).toBe(0);
  });
});
