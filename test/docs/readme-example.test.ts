import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

/** The README's embedding example, with its import turned into a destructuring of the library. */
function readmeExample(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const block = /## Embedding the engine\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error("README has no embedding example");
  return block.replace(/^import \{([^}]*)\} from "number-lifecycle";$/m, "const {$1} = lib;");
}

describe("the README's embedding example", () => {
  it("runs as written against the library and buys the number it searched for", async () => {
    type Example = (library: typeof lib, console: Pick<Console, "error">) => Promise<unknown>;
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => Example;
    const errors: unknown[] = [];
    const run = new AsyncFunction(
      "lib",
      "console",
      `${readmeExample()}\nreturn { bought, changes, page };`,
    );

    const { bought, changes, page } = (await run(lib, {
      error: (...args: unknown[]) => errors.push(args),
    })) as { bought: unknown; changes: string[]; page: lib.EventPage };

    expect(errors).toEqual([]);
    expect(changes).toEqual([
      "+14155550100 activate discovery->in_service",
      "+14155550100 reserve in_service->reserved",
    ]);
    expect(page.events.map((e) => e.event.operation)).toEqual(["activate", "reserve"]);
    expect(bought).toMatchObject({
      ok: true,
      value: { state: "in_service", assignedTo: "acme_sales" },
    });
  });
});
