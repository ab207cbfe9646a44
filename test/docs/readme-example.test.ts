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
  it("runs as written and prints exactly what its `// prints:` comments say", async () => {
    type Example = (library: typeof lib, console: Pick<Console, "log">) => Promise<unknown>;
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => Example;
    const printed: string[] = [];
    const example = readmeExample();
    const run = new AsyncFunction("lib", "console", example);

    await run(lib, { log: (...args: unknown[]) => printed.push(args.map(String).join(" ")) });

    const promised = [...example.matchAll(/^\/\/ prints: (.*)$/gm)].map((match) => match[1]);
    expect(promised.length).toBeGreaterThanOrEqual(5);
    expect(printed).toEqual(promised);
  });
});
