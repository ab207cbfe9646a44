import { describe, expect, it } from "vitest";
import { fail, ok, type Result } from "../../../src/domain/errors.js";
import { run, wait } from "../../../src/engine/flow.js";
import { retryOnConflict } from "../../../src/engine/retry.js";

const conflict = (): Result<string> => fail({ reason: "database_error", cause: "conflict" });

describe("re-deciding after a lost revision race", () => {
  it("runs the operation again after a conflict and returns the new answer", async () => {
    const answers = [conflict(), ok("saved")];
    let calls = 0;

    const result = await run(
      retryOnConflict(() => wait(Promise.resolve(answers[calls++] as Result<string>))),
    );

    expect(result).toEqual(ok("saved"));
    expect(calls).toBe(2);
  });

  it("gives up after three attempts and returns the conflict", () => {
    let calls = 0;

    const result = run(
      retryOnConflict(() => {
        calls++;
        return wait(conflict());
      }),
    );

    expect(result).toEqual(conflict());
    expect(calls).toBe(3);
  });

  it("does not repeat an operation that failed for any other reason", async () => {
    let calls = 0;

    const result = await run(
      retryOnConflict(() => {
        calls++;
        return wait(
          Promise.resolve(fail<string>({ reason: "database_error", cause: "disk full" })),
        );
      }),
    );

    expect(result.ok).toBe(false);
    expect(calls).toBe(1);
  });
});
