import { SECONDS_PER_DAY } from "../domain/time.js";
import type { JsonObject } from "../domain/json.js";
import type { PortTarget } from "../domain/port-states.js";
import type { JourneyContext } from "./journey.js";

/** A port request the journey follows: its id, the customer it belongs to and its numbers. */
interface Followed {
  readonly id: string;
  readonly account: string;
  readonly numbers: readonly string[];
}

/** Of the rejected requests not resubmitted: share the authority cancels, then completes (rest: left to the clean-up). */
const REJECTED_CANCEL = 1 / 3;
const REJECTED_COMPLETE = 1 / 2;

/** Days until the next step: 1 to the profile's `stepDays`. */
const stepDays = (ctx: JourneyContext): number =>
  1 + ctx.random.int(ctx.profile.portRequests.stepDays);

/** Sends a move; true when the request moved. */
async function move(
  ctx: JourneyContext,
  request: Followed,
  requester: string,
  target: PortTarget,
  extra: { reason?: string; body?: JsonObject } = {},
): Promise<boolean> {
  const answer = await ctx.send({
    op: "portMove",
    id: request.id,
    account: request.account,
    requester,
    target,
    ...extra,
  });
  return answer["ok"] === true;
}

/** The port authority completes the request, or the first inbound call to one of its numbers does. */
async function complete(ctx: JourneyContext, request: Followed, authority: string): Promise<void> {
  const state = ctx.ports.state(request.id);
  const byCall = state === "pending" || state === "scheduled";
  if (byCall && ctx.random.chance(ctx.profile.portRequests.byInboundCall)) {
    await ctx.send({ op: "inboundCall", number: ctx.random.pick(request.numbers) });
  } else await move(ctx, request, authority, "completed");
}

/** The authority schedules the request with the losing carrier's date. */
function scheduledOn(ctx: JourneyContext, days: number): JsonObject {
  return { scheduled_date: ctx.world.clock.now() + days * SECONDS_PER_DAY };
}

/** The port authority's turn: cancel, reject, or take the request one step further. */
async function authorityStep(ctx: JourneyContext, request: Followed): Promise<void> {
  const state = ctx.ports.state(request.id);
  if (state !== "submitted" && state !== "pending" && state !== "scheduled") return;
  const mix = ctx.profile.portRequests;
  const authority = ctx.world.portAuthorityOf(request.account);
  const days = stepDays(ctx);
  const next = (): void => ctx.after(days, () => authorityStep(ctx, request));
  if (ctx.random.chance(mix.cancel)) {
    await move(ctx, request, authority, "canceled", { reason: "the customer withdrew" });
  } else if (ctx.random.chance(mix.reject)) {
    const reason = "the losing carrier refused the paperwork";
    if (await move(ctx, request, authority, "rejected", { reason }))
      ctx.after(days, () => rejectedStep(ctx, request));
  } else if (state === "submitted") {
    const direct =
      ctx.world.engine.config.allow_port_transition_from_submitted_to_scheduled &&
      ctx.random.chance(mix.schedule);
    const moved = direct
      ? await move(ctx, request, authority, "scheduled", { body: scheduledOn(ctx, days) })
      : await move(ctx, request, authority, "pending");
    if (moved) next();
  } else if (state === "pending" && ctx.random.chance(mix.schedule)) {
    if (await move(ctx, request, authority, "scheduled", { body: scheduledOn(ctx, days) })) next();
  } else await complete(ctx, request, authority);
}

/** After a rejection: the customer fixes and resubmits, or the authority settles it (or leaves it). */
async function rejectedStep(ctx: JourneyContext, request: Followed): Promise<void> {
  if (ctx.ports.state(request.id) !== "rejected") return;
  const authority = ctx.world.portAuthorityOf(request.account);
  if (ctx.random.chance(ctx.profile.portRequests.resubmit)) {
    const body = { reference_number: `fix-${ctx.random.int(1_000_000)}` };
    if (await move(ctx, request, request.account, "submitted", { body }))
      ctx.after(stepDays(ctx), () => authorityStep(ctx, request));
  } else if (ctx.random.chance(REJECTED_CANCEL)) {
    await move(ctx, request, authority, "canceled", { reason: "not fixed" });
  } else if (ctx.random.chance(REJECTED_COMPLETE)) {
    await move(ctx, request, authority, "completed", { reason: "accepted after all" });
  }
}

/** The customer's turn on a draft: submit it, or cancel it. */
async function draftStep(ctx: JourneyContext, request: Followed, cancel: boolean): Promise<void> {
  if (ctx.ports.state(request.id) !== "unconfirmed") return;
  if (cancel) await move(ctx, request, request.account, "canceled");
  else if (await move(ctx, request, request.account, "submitted"))
    ctx.after(stepDays(ctx), () => authorityStep(ctx, request));
}

/**
 * A customer asks to port 1 to `portRequests.numbers` numbers in: it creates a draft, then
 * (unless it leaves the draft for the clean-up) submits or cancels it on a later day; the port
 * authority then moves it along, a step every few days, until it is completed (by the
 * authority, or by a first inbound call), rejected or canceled.
 */
export async function portRequest(ctx: JourneyContext): Promise<void> {
  const mix = ctx.profile.portRequests;
  const numbers: string[] = [];
  for (let wanted = 1 + ctx.random.int(mix.numbers); numbers.length < wanted;) {
    const number = ctx.nextPortable();
    if (number === undefined) break;
    numbers.push(number);
  }
  if (numbers.length === 0) return;
  const account = ctx.random.pick(ctx.world.allCustomers);
  const created = await ctx.send({
    op: "portCreate",
    account,
    requester: account,
    name: `port of ${numbers[0] as string}`,
    numbers,
  });
  if (created["ok"] !== true || typeof created["id"] !== "string") return;
  const request: Followed = { id: created["id"], account, numbers };
  if (ctx.random.chance(mix.leaveUnconfirmed)) return;
  const cancel = ctx.random.chance(mix.cancel);
  ctx.after(stepDays(ctx), () => draftStep(ctx, request, cancel));
}
