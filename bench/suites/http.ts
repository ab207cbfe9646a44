// B7: GET one number through the sandbox server over HTTP, against a bare Hono route, both
// driven by autocannon (10 connections) from this process while the server runs in its own.
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { round, type BenchCase, type Probe } from "../harness.js";

const TARGET = fileURLToPath(new URL("../probes/http-target.ts", import.meta.url));

/** Starts the target server in a child process and resolves with its port and a stop. */
function startTarget(mode: "sandbox" | "bare"): Promise<{ port: number; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", TARGET, mode], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.on("error", reject);
    child.stdout.once("data", (chunk: Buffer) =>
      resolve({ port: Number(chunk.toString().trim()), stop: () => child.kill() }),
    );
  });
}

function load(mode: "sandbox" | "bare"): Probe {
  return async (ctx) => {
    const { port, stop } = await startTarget(mode);
    try {
      const result = await autocannon({
        url: `http://127.0.0.1:${port}/v2/accounts/demo_customer_a/phone_numbers/%2B16285551000`,
        connections: 10,
        duration: ctx.size(10, 1),
        headers: { "X-Auth-Token": "token-customer-a" },
      });
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${mode}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      return {
        value: result.requests.average,
        detail: {
          p50_ms: result.latency.p50,
          p99_ms: result.latency.p99,
          requests: result.requests.total,
          mean_ms: round(result.latency.average, 2),
        },
      };
    } finally {
      stop();
    }
  };
}

/** B7. */
export const cases: BenchCase[] = [
  {
    id: "B7",
    what: "GET one number through the sandbox server over HTTP (autocannon, 10 connections)",
    unit: "req/s",
    better: "higher",
    target: { ratio: 0.5 },
    baselineWhat: "a bare Hono route on @hono/node-server, same client",
    rounds: 1,
    measure: load("sandbox"),
    baseline: load("bare"),
  },
];
