import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/cli/serve.js";

/** The README's curl flows (the sh block of "The sandbox server"). */
function readmeFlows(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const block = /## The sandbox server[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error("README has no sandbox flows");
  return block;
}

/** One curl call of a run: its HTTP status, method, URL and answer. */
interface Call {
  readonly status: number;
  readonly request: string;
  readonly body: { status?: string; data?: { error?: object } };
}

/**
 * Runs the flows with `sh -e` against a port, curl following each answer with a line naming its
 * status and request (an answer piped elsewhere, like the one a number is picked from, is not seen).
 */
async function runFlows(port: number): Promise<Call[]> {
  const script = readmeFlows().replaceAll("127.0.0.1:8000", `127.0.0.1:${port}`);
  const wrapper = `curl() { command curl -w '\\n@@ %{http_code} %{method} %{url}\\n' "$@"; }\n`;
  const child = spawn("sh", ["-e"], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  child.stdin.end(wrapper + script);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect({ code, err }).toEqual({ code: 0, err: "" });
  const calls: Call[] = [];
  let body = "";
  for (const line of out.split("\n")) {
    const status = /^@@ (\d{3}) (.*)$/.exec(line);
    if (status === null) body += line;
    else {
      calls.push({
        status: Number(status[1]),
        request: status[2] ?? "",
        body: JSON.parse(body) as Call["body"],
      });
      body = "";
    }
  }
  return calls;
}

describe("the README's curl flows", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("succeed call by call, twice in a row on the same server", async () => {
    const first = await runFlows(server.port);
    const second = await runFlows(server.port);

    for (const calls of [first, second]) {
      expect(calls.length).toBeGreaterThanOrEqual(12);
      for (const call of calls) {
        expect({ request: call.request, status: call.status, body: call.body.status }).toEqual({
          request: call.request,
          status: 200,
          body: "success",
        });
        expect({ request: call.request, failed: call.body.data?.error }).toEqual({
          request: call.request,
          failed: undefined,
        });
      }
    }
    const bought = second.filter((call) => call.request.endsWith("/activate"));
    expect(bought.map((call) => call.body.data)).toEqual([
      expect.objectContaining({ state: "in_service" }),
      bought[0]?.body.data,
    ]);
  });
});
