import { describe, expect, it } from "vitest";
import {
  classify,
  compileClassifiers,
  DEFAULT_COMPILED_CLASSIFIERS,
  listClassifiers,
  prettyPrint,
} from "../../../src/domain/classifiers.js";

describe("normalization.md §4.2: classify examples", () => {
  it.each([
    ["8005551234", "tollfree_us"],
    ["9005551234", "toll_us"],
    ["8765551234", "caribbean"],
    ["4155551234", "did_us"],
    ["911", "emergency"],
    ["011442071234567", "unknown"],
  ])("classifies %s as %s", (input, name) => {
    expect(classify(input)["name"]).toBe(name);
  });

  it("answers the classifier's definition with name, number as given and e164 (§4.3)", () => {
    expect(classify("4152338421")).toEqual({
      e164: "+14152338421",
      friendly_name: "US DID",
      name: "did_us",
      number: "4152338421",
      pretty_print: "SS(###) ### - ####",
      regex: "^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$",
    });
  });

  it("answers only number and e164 when no classifier matches", () => {
    const onlyTollFree = compileClassifiers({ tollfree_us: { regex: "^\\+1(800\\d{7})$" } });
    expect(classify("4155551234", onlyTollFree)).toEqual({
      number: "4155551234",
      e164: "+14155551234",
    });
  });
});

describe("normalization.md §4.1 and §4.3: the classifier table", () => {
  it("keeps the default evaluation order, not the name order", () => {
    expect(Object.keys(listClassifiers(DEFAULT_COMPILED_CLASSIFIERS))).toEqual([
      "tollfree_us",
      "toll_us",
      "emergency",
      "caribbean",
      "did_us",
      "international",
      "unknown",
    ]);
  });

  it("lists the emergency classifier with emergency: true", () => {
    expect(listClassifiers(DEFAULT_COMPILED_CLASSIFIERS)["emergency"]).toEqual({
      regex: "^(911)$",
      friendly_name: "Emergency Dispatcher",
      emergency: true,
    });
  });

  it("expands a legacy bare-regex definition with the name as friendly_name", () => {
    const table = compileClassifiers({ short: "^(\\d{3})$" });
    expect(listClassifiers(table)).toEqual({
      short: { regex: "^(\\d{3})$", friendly_name: "short" },
    });
    expect(classify("123", table)["name"]).toBe("short");
  });

  it("never matches a definition without a regex", () => {
    const table = compileClassifiers({ broken: { friendly_name: "Broken" }, any: "^(.*)$" });
    expect(classify("4155551234", table)["name"]).toBe("any");
  });
});

describe("normalization.md §4.4: the pretty_print mini-language", () => {
  it("formats +14155551234 with the US format as (415) 555 - 1234", () => {
    expect(prettyPrint("SS(###) ### - ####", "+14155551234")).toBe("(415) 555 - 1234");
  });

  it("copies the rest of the number with *", () => {
    expect(prettyPrint("S*", "+442071234567")).toBe("442071234567");
  });

  it("emits escaped S, # and * literally", () => {
    expect(prettyPrint("\\S\\#\\*#", "+1")).toBe("S#*+");
  });

  it("ignores format characters beyond the end of the number", () => {
    expect(prettyPrint("###-###", "+12")).toBe("+12-");
  });
});
