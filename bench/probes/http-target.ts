// A server for B7, run in its own process: `sandbox` (the sandbox API server) or `bare` (a bare
// Hono route answering a number of the same shape). Prints the port, then serves until killed.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { startServer } from "../../src/cli/serve.js";

const mode = process.argv[2];
if (mode === "sandbox") {
  const server = await startServer({ port: 0 });
  console.log(server.port);
} else {
  const app = new Hono();
  const body = {
    data: {
      id: "+16285551000",
      state: "in_service",
      used_by: "callflow",
      _read_only: { created: 63_640_000_000, modified: 63_640_000_000, state: "in_service" },
    },
    revision: "undefined",
    request_id: "0",
    status: "success",
    auth_token: "token-customer-a",
  };
  app.get("/v2/accounts/:account/phone_numbers/:number", (c) =>
    c.json({ ...body, request_id: String(Math.random()) }),
  );
  serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
    console.log(info.port),
  );
}
