import { describe, expect, it } from "vitest";
import {
  compileNumberRules,
  isReconcilable,
  normalize,
  searchPrefix,
  toE164,
  toNpan,
} from "../../../src/domain/normalization.js";

describe("normalization.md §1.3: every example of the table", () => {
  const rows: readonly [input: string, normalized: string, reconcilable: boolean][] = [
    ["4123456789", "+14123456789", true],
    ["14123456789", "+14123456789", true],
    ["+14123456789", "+14123456789", true],
    ["41234567", "+41234567", true],
    ["+41234567", "+41234567", true],
    ["011442071234567", "+442071234567", true],
    ["00442071234567", "+442071234567", true],
    ["12345678901", "+12345678901", true],
    ["4155551234567", "+4155551234567", true],
    ["+1234567890", "+1234567890", true],
    // Matches the reconcile regex but has no `+`: not storable, so not reconcilable (§6 note 2).
    ["1023456789", "1023456789", false],
    ["1234", "1234", false],
    ["123456789", "123456789", false],
    ["911", "911", false],
    ["+141510010+15", "+141510010+15", false],
    ["+4412345", "+4412345", false],
    ["0115", "+5", false],
    ["2125551234x", "2125551234x", false],
    // Nine digits starting 2-9 are too short for NANP: converter 3 makes them international.
    ["212555123", "+212555123", true],
    ["415555010", "+415555010", true],
    ["1415555010", "1415555010", false],
  ];

  it.each(rows)("normalizes %s to %s (reconcilable: %s)", (input, normalized, reconcilable) => {
    expect(normalize(input)).toBe(normalized);
    expect(isReconcilable(input)).toBe(reconcilable);
    expect(toE164(input)).toBe(reconcilable ? normalized : undefined);
  });
});

describe("normalization.md §1.2: the last participating capture group", () => {
  it("takes group 1 when the first alternative of ^011(\\d*)$|^00(\\d*)$ matches", () => {
    expect(normalize("011442071234567")).toBe("+442071234567");
  });

  it("takes group 2 when the second alternative matches", () => {
    expect(normalize("00442071234567")).toBe("+442071234567");
  });

  it("uses the last group that has a value with custom converters too", () => {
    const rules = compileNumberRules({ "^9(\\d+)$|^8(\\d+)$": { prefix: "+4", suffix: "0" } });
    expect(normalize("9123", rules)).toBe("+41230");
    expect(normalize("8123", rules)).toBe("+41230");
  });

  it("uses the last group when several groups take part in the match", () => {
    const rules = compileNumberRules({ "^(1)(\\d+)$": { prefix: "+" } });
    expect(normalize("1415", rules)).toBe("+415");
  });

  it("uses the whole match when the regex has no group", () => {
    const rules = compileNumberRules({ "^7\\d+$": { prefix: "+" } });
    expect(normalize("7123", rules)).toBe("+7123");
  });
});

describe("normalization.md §1.1: the converter algorithm", () => {
  it("returns an input starting with + unchanged, whatever follows", () => {
    expect(normalize("+not a number")).toBe("+not a number");
  });

  it("tries converters in key order and the first match wins", () => {
    const rules = compileNumberRules({
      "^(\\d+)$": { prefix: "+9" },
      "^(1\\d+)$": { prefix: "+1" },
    });
    expect(normalize("123", rules)).toBe("+9123");
  });

  it("returns an input no converter matches unchanged", () => {
    expect(normalize("041234567")).toBe("041234567");
    expect(isReconcilable("041234567")).toBe(false);
  });
});

describe("normalization.md §2 and §5: other conversions", () => {
  it("gives the 10-digit NANP form or the input unchanged", () => {
    expect(toNpan("+14155551234")).toBe("4155551234");
    expect(toNpan("14155551234")).toBe("4155551234");
    expect(toNpan("+442071234567")).toBe("+442071234567");
  });

  it("builds search prefixes from the country dial code", () => {
    expect(searchPrefix("415")).toBe("+1415");
    expect(searchPrefix("1", "FR")).toBe("+331");
    expect(searchPrefix("+1499")).toBe("+1499");
  });
});
