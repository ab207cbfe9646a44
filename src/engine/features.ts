import { fromReseller, type AccountLookup } from "../domain/accounts.js";
import type { NumberError } from "../domain/errors.js";
import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from "../domain/json.js";
import { e911Key, missingE911Field } from "../domain/public-fields.js";
import { LOCAL_CARRIER } from "../domain/record.js";
import type { NumberState } from "../domain/states.js";
import type { EngineContext } from "./context.js";
import type { E911Outcome, E911Validation } from "../ports/e911.js";
import { callPort } from "./port-call.js";
import { wait, type Flow } from "./flow.js";

/** A record being saved: the fields feature providers read and write. */
export interface FeatureDraft {
  readonly number: string;
  readonly state: NumberState;
  readonly carrier: string;
  readonly assignedTo?: string;
  features: JsonObject;
  public: JsonObject;
}

const HELD: ReadonlySet<NumberState> = new Set(["reserved", "in_service", "port_in"]);
const isFilled = (value: JsonValue | undefined): value is JsonObject =>
  isJsonObject(value) && Object.keys(value).length > 0;

/** CNAM (features.md §3.1): outbound display name and inbound lookup while the number is held. */
function applyCnam(draft: FeatureDraft): void {
  if (!HELD.has(draft.state)) return;
  const cnam = isJsonObject(draft.public["cnam"]) ? draft.public["cnam"] : {};
  const name = cnam["display_name"];
  if (typeof name === "string" && name.length > 0) {
    draft.features["outbound_cnam"] = { display_name: name };
  } else {
    delete draft.features["outbound_cnam"];
  }
  if (cnam["inbound_lookup"] === true) draft.features["inbound_cnam"] = { inbound_lookup: true };
  else delete draft.features["inbound_cnam"];
  delete draft.features["cnam"];
}

/** Prepend and failover (features.md §3.3, §3.4): active only in service, unchanged stays. */
function applyInServiceOnly(draft: FeatureDraft, name: "prepend" | "failover"): void {
  const value = draft.public[name];
  const wanted =
    name === "prepend" ? isJsonObject(value) && value["enabled"] === true : isFilled(value);
  if (draft.state === "in_service" && wanted) draft.features[name] = value as JsonObject;
  else delete draft.features[name];
}

/** force_outbound (features.md §3.6, master provider): the public boolean while in service. */
function applyForceOutbound(draft: FeatureDraft): void {
  const value = draft.public["force_outbound"];
  if (draft.state === "in_service" && typeof value === "boolean")
    draft.features["force_outbound"] = value;
  else delete draft.features["force_outbound"];
}

/** Port (features.md §3.5, intended behavior): the `port` object while the number is porting in. */
function applyPort(draft: FeatureDraft): void {
  const value = draft.public["port"];
  if (draft.state === "port_in" && isFilled(value)) draft.features["port"] = value;
  else delete draft.features["port"];
}

/** Removes the upstream E911 registration; failures are ignored (features.md §3.2 delete hook). */
function* removeE911(ctx: EngineContext, number: string, features: JsonObject): Flow<void> {
  if (features["e911"] === undefined) return;
  delete features["e911"];
  const provider = ctx.deps.e911;
  if (provider !== undefined)
    yield* wait(callPort(ctx.config.port_call_timeout_ms, () => provider.remove(number)));
}

/** E911 (features.md §3.2 with decisions.md D15). */
function* applyE911(
  ctx: EngineContext,
  draft: FeatureDraft,
  dryRun: boolean,
): Flow<NumberError | undefined> {
  const key = e911Key(draft.public);
  const address = key === undefined ? undefined : draft.public[key];
  if (!HELD.has(draft.state) || !isFilled(address) || key === undefined) {
    if (!dryRun) yield* removeE911(ctx, draft.number, draft.features);
    else delete draft.features["e911"];
    return undefined;
  }
  if (jsonEqual(address, draft.features["e911"])) return undefined;
  const incomplete = missingE911Field(key, address);
  if (incomplete !== undefined) return incomplete;
  const provider = ctx.deps.e911;
  if (provider === undefined) {
    draft.features["e911"] = address;
    return undefined;
  }
  // A dry run (the first pass of a bulk request) asks the back end to check, not to provision.
  const outcome = yield* wait(
    callPort<E911Outcome | E911Validation>(ctx.config.port_call_timeout_ms, () =>
      dryRun ? provider.validate(draft.number, address) : provider.provision(draft.number, address),
    ),
  );
  if (!outcome.ok) return outcome.error ?? { reason: "provider_fault", message: outcome.message };
  const result = outcome.value;
  if (result.kind === "invalid")
    return { reason: "e911_invalid", address, message: result.message };
  if (result.kind === "multiple")
    return { reason: "e911_multiple_choice", address, details: result.details };
  if (result.kind === "valid") {
    draft.features["e911"] = address;
    return undefined;
  }
  const stored = Object.keys(result.fields).length > 0 ? result.fields : address;
  draft.features["e911"] = stored;
  draft.public[key] = stored;
  return undefined;
}

/**
 * True when the provider pass would change nothing, so it need not run (nor load the owner's
 * account): no public fields, and no feature but the `local` one that the carrier implies.
 * Every provider only removes its features when its public field is absent.
 */
export function featuresAtRest(
  record: Pick<FeatureDraft, "carrier" | "features" | "public">,
): boolean {
  for (const key in record.public) if (Object.hasOwn(record.public, key)) return false;
  let local = false;
  for (const key in record.features) {
    if (!Object.hasOwn(record.features, key)) continue;
    if (key !== "local") return false;
    local = true;
  }
  return local === (record.carrier === LOCAL_CARRIER);
}

/**
 * The SAVE step's provider pass (features.md §2-§4): recomputes private features from the
 * public fields for the record's state. Providers run for allowed features of owned numbers;
 * they visit active features too, so a removed public key deactivates its feature. `known`:
 * accounts the operation loaded already, reused when they include the owner.
 */
export function* recomputeFeatures(
  ctx: EngineContext,
  draft: FeatureDraft,
  dryRun: boolean,
  known?: AccountLookup,
): Flow<NumberError | undefined> {
  if (draft.carrier !== LOCAL_CARRIER) delete draft.features["local"];
  else if (draft.features["local"] === undefined) draft.features["local"] = {};
  if (draft.assignedTo === undefined) return undefined;
  const accounts = yield* wait(ctx.accountLookup([draft.assignedTo], known));
  const allowedList = fromReseller(
    accounts,
    draft.assignedTo,
    (a) => a.allowedFeatures,
    ctx.config.allowed_features,
  );
  const allowed = new Set(allowedList);
  if (allowed.has("cnam")) applyCnam(draft);
  if (allowed.has("prepend")) applyInServiceOnly(draft, "prepend");
  if (allowed.has("failover")) applyInServiceOnly(draft, "failover");
  if (allowed.has("port")) applyPort(draft);
  if (allowed.has("force_outbound")) applyForceOutbound(draft);
  return allowed.has("e911") ? yield* applyE911(ctx, draft, dryRun) : undefined;
}

/** Delete hooks of every provider (features.md §5, master order): run before data is wiped. */
export function* runDeleteHooks(
  ctx: EngineContext,
  draft: FeatureDraft,
  dryRun: boolean,
): Flow<void> {
  if (!dryRun) yield* removeE911(ctx, draft.number, draft.features);
  for (const name of [
    "inbound_cnam",
    "outbound_cnam",
    "cnam",
    "e911",
    "port",
    "prepend",
    "failover",
    "force_outbound",
  ]) {
    delete draft.features[name];
  }
}
