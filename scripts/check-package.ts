// Tests the package as it ships (STYLE.md habit 12): build, publint, pack, attw on the tarball,
// then install the tarball's contents next to our node_modules and use it as a consumer would.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const run = (command: string, args: string[], cwd = root): string =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });

run("npm", ["run", "--silent", "build"]);
run("npx", ["publint", "--strict"]);
const packDir = mkdtempSync(join(tmpdir(), "number-lifecycle-pack-"));
const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", packDir])) as {
  filename: string;
}[];
const tarball = join(packDir, packed[0]?.filename ?? "");
run("npx", ["attw", tarball, "--profile", "esm-only"]);

// A consumer folder inside the repository, so the package's own dependencies resolve from ours.
const consumer = join(root, ".pack-check");
rmSync(consumer, { recursive: true, force: true });
const installed = join(consumer, "node_modules", "number-lifecycle");
mkdirSync(installed, { recursive: true });
try {
  run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  writeFileSync(
    join(consumer, "smoke.mjs"),
    `import { createMemoryWorld, throwing, lifecycleMachine, MemoryNumberRepository } from "number-lifecycle";
import { repositoryContract } from "number-lifecycle/testing";
const { engine } = await createMemoryWorld({
  accounts: [{ id: "root", master: true, reseller: true }, { id: "acme", parent: "root", reseller: true, allowAdditions: true }],
});
const created = await throwing(engine).create({ number: "4155550100", account: "acme", requester: "acme" });
if (created.state !== "reserved" || lifecycleMachine.id !== "number") throw new Error("unexpected " + created.state);
const cases = repositoryContract(() => new MemoryNumberRepository());
for (const c of cases) await c.run();
console.log("packed package works: created " + created.number + " " + created.state + "; " + cases.length + " repository contract cases pass");
`,
  );
  process.stdout.write(run("node", ["smoke.mjs"], consumer));
  const bin = join(installed, "dist", "cli", "main.js");
  const summary = run("node", [
    bin,
    "conformance",
    join(root, "test", "conformance", "transitions"),
  ]);
  const closing = summary.trim().split("\n").at(-1) ?? "";
  process.stdout.write(`packed bin ran the transitions corpus (${closing})\n`);
} finally {
  rmSync(consumer, { recursive: true, force: true });
  rmSync(packDir, { recursive: true, force: true });
}
