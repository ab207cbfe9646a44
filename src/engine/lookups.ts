import { fail, ok, type Result } from "../domain/errors.js";
import { setOwn, type JsonObject, type JsonValue } from "../domain/json.js";
import { normalize, toE164 } from "../domain/normalization.js";
import type { EngineContext } from "./context.js";
import { callPort } from "./port-call.js";

/**
 * Availability check (carriers.md §7, decisions.md D14): every carrier of the system list that
 * can check answers for the normalized numbers; later carriers overwrite earlier keys; failing
 * carriers are ignored, so all failing gives `{}`.
 */
export async function checkNumbers(
  ctx: EngineContext,
  numbers: readonly string[],
): Promise<Record<string, string>> {
  const normalized = numbers.map((n) => normalize(n, ctx.rules));
  const out: Record<string, string> = {};
  for (const module of ctx.config.carrier_modules) {
    const carrier = ctx.carrier(module);
    const check = carrier?.checkNumbers?.bind(carrier);
    if (check === undefined) continue;
    const outcome = await callPort(ctx.config.port_call_timeout_ms, () => check(normalized));
    if (outcome.ok)
      for (const [number, status] of Object.entries(outcome.value)) setOwn(out, number, status);
  }
  return out;
}

/**
 * Locality lookup (collections.md §10, decisions.md D3): each known number's locality object,
 * keyed by the number as given; no phonebook or a failing one is an error.
 */
export async function localityOf(
  ctx: EngineContext,
  numbers: readonly string[],
): Promise<Result<JsonObject>> {
  const phonebook = ctx.deps.phonebook;
  if (phonebook === undefined) return fail({ reason: "phonebook_not_configured" });
  const e164 = numbers.map((n) => toE164(n, ctx.rules) ?? n);
  const outcome = await callPort(ctx.config.port_call_timeout_ms, () => phonebook.locality(e164));
  if (!outcome.ok) return fail({ reason: "locality_lookup_failed", message: outcome.message });
  const out: JsonObject = {};
  numbers.forEach((given, i) => {
    const found = outcome.value[e164[i] as string];
    if (found !== undefined) setOwn(out, given, found);
  });
  return ok(out);
}

/** City to prefixes (collections.md §11): the phonebook's data, or its error body. */
export async function cityPrefixes(
  ctx: EngineContext,
  city: string,
  country = "US",
): Promise<Result<JsonValue>> {
  const phonebook = ctx.deps.phonebook;
  if (phonebook === undefined) return fail({ reason: "phonebook_not_configured" });
  const outcome = await callPort(ctx.config.port_call_timeout_ms, () =>
    phonebook.cityPrefixes(country, city),
  );
  if (!outcome.ok)
    return fail({ reason: "city_lookup_failed", body: { "unknown error": outcome.message } });
  const lookup = outcome.value;
  return lookup.found ? ok(lookup.data) : fail({ reason: "city_lookup_failed", body: lookup.body });
}
