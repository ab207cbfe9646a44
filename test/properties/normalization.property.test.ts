import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RECONCILE_REGEX, normalize, toE164 } from "../../src/domain/normalization.js";

/** Inputs people type: digits with an optional `+`, dialing prefixes, and arbitrary text. */
const input = fc.oneof(
  fc.stringMatching(/^\+?[0-9]{0,16}$/),
  fc.stringMatching(/^(011|00|1)[0-9]{0,14}$/),
  fc.stringMatching(/^[2-9][0-9]{2}[2-9][0-9]{6}$/),
  fc.string({ maxLength: 20 }),
);

describe("normalization properties (normalization.md §1, §3)", () => {
  it("normalizing twice gives the same as normalizing once", () => {
    fc.assert(
      fc.property(input, (raw) => {
        expect(normalize(normalize(raw))).toBe(normalize(raw));
      }),
    );
  });

  it("every accepted input yields E.164 that the reconcile regex accepts and that is a fixed point", () => {
    const reconcile = new RegExp(DEFAULT_RECONCILE_REGEX);
    fc.assert(
      fc.property(input, (raw) => {
        const e164 = toE164(raw);
        if (e164 === undefined) return;
        expect(e164).toMatch(/^\+\d{8,}$/);
        expect(e164).toMatch(reconcile);
        expect(toE164(e164)).toBe(e164);
      }),
    );
  });

  it("a NANP ten-digit number, with or without 1 or +1, becomes +1 and the ten digits", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[2-9][0-9]{2}[2-9][0-9]{6}$/),
        fc.constantFrom("", "1", "+1"),
        (digits, prefix) => {
          expect(toE164(prefix + digits)).toBe(`+1${digits}`);
        },
      ),
    );
  });

  it("international dialing prefixes 011 and 00 are replaced by +", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[2-9][0-9]{7,12}$/),
        fc.constantFrom("011", "00"),
        (digits, prefix) => {
          expect(normalize(prefix + digits)).toBe(`+${digits}`);
        },
      ),
    );
  });

  it("a string of 8, 9 or 11+ digits starting 2-9 is an international number: + and the digits (§1.1 converter 3)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]([0-9]{7,8}|[0-9]{10,14})$/), (digits) => {
        expect(normalize(digits)).toBe(`+${digits}`);
        expect(toE164(digits)).toBe(`+${digits}`);
      }),
    );
  });
});
