import { describe, expect, it } from "vitest";
import { InputFileError } from "../../src/simulation/input-error.js";
import { DEFAULT_PROFILE, parseProfile } from "../../src/simulation/profile.js";

const problem = (text: string): string => {
  try {
    parseProfile(text, "p.json");
  } catch (error) {
    expect(error).toBeInstanceOf(InputFileError);
    return (error as Error).message;
  }
  throw new Error("the profile was accepted");
};

describe("profile files", () => {
  it("merges a partial profile over the default; a flows object replaces the whole mix", () => {
    const profile = parseProfile(
      '{"name":"x","holds":{"abandon":0.5},"flows":{"buy":2}}',
      "p.json",
    );
    expect(profile.holds).toEqual({ ...DEFAULT_PROFILE.holds, abandon: 0.5 });
    expect(profile.flows.buy).toBe(2);
    expect(profile.flows.update).toBe(0);
    expect(profile.accounts).toEqual(DEFAULT_PROFILE.accounts);
    expect(profile.flows.portRequest).toBe(0);
    const ports = parseProfile('{"portRequests":{"byInboundCall":1}}', "p.json");
    expect(ports.portRequests).toEqual({ ...DEFAULT_PROFILE.portRequests, byInboundCall: 1 });
  });

  it("names the file, line and field of a bad value", () => {
    const text = '{\n  "name": "x",\n  "holds": {\n    "share": 0.5,\n    "abandon": 2\n  }\n}';
    expect(problem(text)).toBe("p.json:5: holds.abandon: must be a number from 0 to 1");
  });

  it("refuses unknown fields, bad settings and a split that does not add up", () => {
    expect(problem('{\n"flows": {\n"bye": 1}}')).toBe("p.json:3: flows.bye: is not a known field");
    expect(problem('{"nme": "x"}')).toBe("p.json:1: nme: is not a known field");
    expect(problem('{\n"portRequests": {\n  "reject": 1.5}}')).toBe(
      "p.json:3: portRequests.reject: must be a number from 0 to 1",
    );
    expect(problem('{"portRequests": {"numbers": 0}}')).toBe(
      "p.json:1: portRequests.numbers: must be an integer from 1 to 100",
    );
    expect(problem('{\n"config": {\n  "should_age": "yes"\n}}')).toBe(
      "p.json:3: config.should_age: invalid value for should_age",
    );
    expect(problem('{\n"numbers": {"pool": 0.5}}')).toBe(
      "p.json:2: numbers: pool + upstream + portable must be 1",
    );
    expect(problem('{"areaCodes": ["41"]}')).toBe(
      "p.json:1: areaCodes: must be a non-empty list of 3-digit US area codes",
    );
    expect(problem('{"flows": {"buy": 0}}')).toBe(
      "p.json:1: flows: at least one flow needs a weight above 0",
    );
  });

  it("names the line where JSON syntax breaks", () => {
    expect(problem('{\n  "name": "x",\n  "holds": {,\n}')).toMatch(/^p\.json:3: not valid JSON/);
    expect(problem("[1]")).toBe("p.json:1: (profile): must be an object");
  });
});
