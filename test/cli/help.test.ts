import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.js";
import { runMain, runTool } from "../support/cli.js";

describe("number-lifecycle --help and wrong usage", () => {
  it("lists every command with its summary on stdout and exits 0", async () => {
    const { code, out, err } = await runTool(["--help"]);

    expect(code).toBe(0);
    expect(err).toBe("");
    for (const command of COMMANDS) {
      const line = out.split("\n").find((l) => l.startsWith(`  ${command.name} `));
      expect(line?.trim()).toMatch(new RegExp(`^${command.name} +`));
      expect(line?.endsWith(` ${command.summary}`)).toBe(true);
    }
  });

  it("prints the version from package.json", () => {
    const child = runMain(["--version"]);

    expect(child).toMatchObject({ code: 0, err: "" });
    expect(child.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    "%s --help: what it does, every option with its default, an example; stdout, exit 0",
    async (name, command) => {
      const { code, out, err } = await runTool([name, "--help"]);

      expect(code).toBe(0);
      expect(err).toBe("");
      expect(out).toMatch(new RegExp(`^usage: number-lifecycle ${name} `));
      expect(out).toContain(command.description.join("\n"));
      for (const [option, spec] of Object.entries(command.options)) {
        expect(out).toContain(`--${option}`);
        if (spec.default !== undefined) expect(out).toContain(`default: ${spec.default}`);
      }
      expect(out).toMatch(new RegExp(`example[s]?:\\n  number-lifecycle ${name}`));
      expect(out).toContain("--debug");
    },
  );

  it.each(COMMANDS.map((command) => command.name))(
    "%s --no-such-option: one line on stderr naming it, exit 2",
    async (name) => {
      const { code, out, err } = await runTool([name, "--no-such-option"]);

      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toBe(
        `number-lifecycle ${name}: unknown option --no-such-option (see number-lifecycle ${name} --help)\n`,
      );
    },
  );

  it("answers an unknown command and a missing one with one line and exit 2", async () => {
    const unknown = await runTool(["serv"]);
    const missing = await runTool([]);

    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^number-lifecycle: unknown command "serv" \(one of serve, .*\n$/);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^number-lifecycle: missing command .*--help\n$/);
  });

  it("refuses a value the option cannot take, and a value given to a flag", async () => {
    const port = await runTool(["serve", "--port", "eighty"]);
    const flag = await runTool(["serve", "--debug=yes"]);
    const valueless = await runTool(["serve", "--port"]);

    expect(port).toMatchObject({ code: 2, out: "" });
    expect(port.err).toBe(
      'number-lifecycle serve: --port: expected a whole number from 0 to 65535, got "eighty" (see --help)\n',
    );
    expect(flag).toMatchObject({ code: 2, err: expect.stringContaining("--debug takes no value") });
    expect(valueless).toMatchObject({
      code: 2,
      err: expect.stringContaining("--port needs a value (PORT)"),
    });
  });

  it("takes an option's variable when the option is absent, and the option over it", async () => {
    const fromEnv = await runTool(["serve"], { env: { PORT: "x1" } });
    const fromFlag = await runTool(["serve", "--port", "x2"], { env: { PORT: "x1" } });

    expect(fromEnv.err).toContain('got "x1"');
    expect(fromFlag.err).toContain('got "x2"');
  });
});
