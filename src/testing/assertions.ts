import assert from "node:assert/strict";

/** The value, or an error naming the fixture part a case needs but the subject did not give. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`fixture has no ${what}`);
  return value;
}

/** A short description of what a call threw, for failure messages. */
export function described(thrown: unknown): string {
  if (thrown === undefined) return "no failure";
  return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : JSON.stringify(thrown);
}

/** What a call threw or rejected with, or undefined when it resolved. */
export async function failureOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (thrown) {
    return thrown;
  }
}

/** Asserts a call fails (throws or rejects) with an Error whose message a client can be shown. */
export async function assertFailsWithMessage(call: () => unknown, what: string): Promise<void> {
  const failure = await failureOf(call);
  assert.ok(failure instanceof Error, `${what}: expected an Error, got ${described(failure)}`);
  assert.ok(failure.message.length > 0, `${what}: the Error has no message`);
}

/** Asserts a value is plain JSON: it survives a JSON round trip unchanged (no undefined, class or NaN). */
export function assertJson(value: unknown, what: string): void {
  assert.notEqual(value, undefined, `${what}: undefined is not JSON`);
  assert.deepEqual(JSON.parse(JSON.stringify(value)), value, `${what}: not plain JSON`);
}

/** Asserts a value is a plain JSON object (not null, not an array). */
export function assertJsonObject(value: unknown, what: string): void {
  assert.ok(
    typeof value === "object" && value !== null && !Array.isArray(value),
    `${what}: expected a JSON object, got ${JSON.stringify(value)}`,
  );
  assertJson(value, what);
}
