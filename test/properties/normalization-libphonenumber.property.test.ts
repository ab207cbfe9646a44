import fc from "fast-check";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { describe, expect, it } from "vitest";
import { compileNumberRules, toE164 } from "../../src/domain/normalization.js";

/** A NANP ten-digit number: NXX NXX XXXX. */
const nanpDigits = fc.stringMatching(/^[2-9][0-9]{2}[2-9][0-9]{6}$/);

/** International E.164 numbers whose national parts have lengths their countries use. */
const international = fc.oneof(
  fc.stringMatching(/^\+4420[0-9]{8}$/),
  fc.stringMatching(/^\+4930[0-9]{8}$/),
  fc.stringMatching(/^\+33[1-5][0-9]{8}$/),
  fc.stringMatching(/^\+813[0-9]{8}$/),
  fc.stringMatching(/^\+61[2378][0-9]{8}$/),
);

/** The B2 mix: 10-digit NANP, NANP in E.164, and international E.164. */
const mixed = fc.oneof(
  nanpDigits,
  nanpDigits.map((digits) => `+1${digits}`),
  international,
);

describe("normalization agrees with libphonenumber-js (issue 9, B2)", () => {
  it("gives libphonenumber's E.164 for every input of a mixed 100k corpus", () => {
    fc.assert(
      fc.property(mixed, (input) => {
        expect(toE164(input)).toBe(parsePhoneNumberFromString(input, "US")?.number);
      }),
      { numRuns: 100_000 },
    );
  }, 300_000);
});

describe("the default rules' fast path (issue 9, B2)", () => {
  const general = compileNumberRules();
  const anyInput = fc.oneof(
    mixed,
    fc.stringMatching(/^\+?[0-9]{0,16}$/),
    fc.stringMatching(/^\+[0-9a-z+ ]{0,14}$/),
    fc.string({ maxLength: 20 }),
  );

  it("answers exactly as the converters and the reconcile regex do", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        expect(toE164(input)).toBe(toE164(input, general));
      }),
      { numRuns: 20_000 },
    );
  });
});
