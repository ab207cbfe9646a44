/** An answer kept for an idempotency key (extensions.md X2), with what it answered. */
export interface KeptAnswer {
  /** The authenticated account: keys are scoped to it. */
  readonly account: string;
  readonly key: string;
  /** Digest of the request's method, path, query and body (the body compared as JSON). */
  readonly fingerprint: string;
  readonly status: number;
  /** The response's headers and body (without its request id), as JSON text. */
  readonly response: string;
  /** Gregorian seconds after which the key is forgotten. */
  readonly expires: number;
}

/** A request taking a key before it runs. */
export interface KeyClaim {
  readonly account: string;
  readonly key: string;
  readonly fingerprint: string;
  /** The clock, Gregorian seconds. */
  readonly now: number;
  /** When a claim left behind by a request that never finished may be taken over. */
  readonly leaseUntil: number;
}

/** What claiming a key found: it is ours now, it has a kept answer, or another request runs with it. */
export type ClaimOutcome =
  | { readonly kind: "claimed"; readonly token: string }
  | { readonly kind: "kept"; readonly answer: KeptAnswer }
  | { readonly kind: "in_flight"; readonly fingerprint: string };

/** How long a claim stays in flight before another request may take it over, in seconds. */
export const CLAIM_LEASE_S = 300;

/** The visible-ASCII rule for keys: 1 to 255 characters from 0x21 to 0x7E. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}
