import type { NumberState } from "../domain/states.js";
import type { JourneyContext } from "./journey.js";
import { portRequest } from "./port-flows.js";
import type { FlowName } from "./profile.js";
import { MASTER } from "./world.js";

/** Share of purchases that buy back a number that is ageing instead of searching. */
const WIN_BACK = 0.05;
/** Tries at finding a number of the right kind before a journey gives up. */
const TRIES = 4;

/** A random number in the states whose owner passes `accept`, with that owner. */
function ownedNumber(
  ctx: JourneyContext,
  states: readonly NumberState[],
  accept: (owner: string) => boolean = () => true,
): { number: string; owner: string } | undefined {
  for (let i = 0; i < TRIES; i++) {
    const number = ctx.model.pick(ctx.random, states);
    const owner = number === undefined ? null : (ctx.model.get(number)?.owner ?? null);
    if (number !== undefined && owner !== null && accept(owner)) return { number, owner };
  }
  return undefined;
}

/** The reseller an owner belongs to (itself for a reseller), and another of its accounts. */
function sibling(
  ctx: JourneyContext,
  owner: string,
): { reseller: string; other: string } | undefined {
  const reseller =
    ctx.world.resellerOf.get(owner) ?? (ctx.world.customers.has(owner) ? owner : undefined);
  if (reseller === undefined) return undefined;
  const others = (ctx.world.customers.get(reseller) ?? []).filter((c) => c !== owner);
  return others.length === 0 ? undefined : { reseller, other: ctx.random.pick(others) };
}

const customer = (ctx: JourneyContext): string => ctx.random.pick(ctx.world.allCustomers);

/** A customer searches, then reserves with a hold (and maybe walks away) or buys straight away. */
async function buy(ctx: JourneyContext): Promise<void> {
  const account = customer(ctx);
  const ageing = ctx.random.chance(WIN_BACK) ? ctx.model.pick(ctx.random, ["aging"]) : undefined;
  if (ageing !== undefined) {
    await ctx.send({ op: "activate", number: ageing, account, requester: account });
    return;
  }
  const prefix = ctx.random.pick(ctx.profile.areaCodes);
  const { quantity, anonymous } = ctx.profile.search;
  const answer = await ctx.send(
    ctx.random.chance(anonymous)
      ? { op: "search", prefix, quantity }
      : { op: "search", account, prefix, quantity },
  );
  const offers = ((answer["found"] ?? []) as [string, string][]).filter(
    ([, state]) => state === "discovery" || state === "available",
  );
  if (offers.length === 0) return;
  const [number] = ctx.random.pick(offers);
  const { holds } = ctx.profile;
  if (ctx.random.chance(holds.share)) {
    const held = await ctx.send({
      op: "reserve",
      number,
      account,
      requester: account,
      holdFor: holds.holdForS,
    });
    if (held["ok"] !== true || ctx.random.chance(holds.abandon)) return;
  }
  await ctx.send({ op: "activate", number, account, requester: account });
}

/** The owner of a number in service changes one of its fields. */
async function update(ctx: JourneyContext): Promise<void> {
  const found = ownedNumber(ctx, ["in_service"]);
  if (found === undefined) return;
  const patch = { label: `line-${ctx.random.int(10_000)}` };
  await ctx.send({ op: "update", number: found.number, requester: found.owner, patch });
}

/** A customer brings a number in; it completes (by a call or the owner) or is given up later. */
async function portIn(ctx: JourneyContext): Promise<void> {
  const number = ctx.nextPortable();
  if (number === undefined) return;
  const account = customer(ctx);
  const created = await ctx.send({
    op: "create",
    number,
    account,
    requester: account,
    createWithState: "port_in",
  });
  if (created["ok"] !== true) return;
  const { ports } = ctx.profile;
  const days = 1 + ctx.random.int(ports.completeWithinDays);
  if (ctx.random.chance(ports.abandon))
    ctx.later(days, { op: "release", number, requester: account });
  else if (ctx.random.chance(ports.byInboundCall)) ctx.later(days, { op: "inboundCall", number });
  else ctx.later(days, { op: "activate", number, account, requester: account });
}

/** An owner gives a number back. */
async function release(ctx: JourneyContext): Promise<void> {
  const found = ownedNumber(ctx, ["in_service", "reserved", "port_in"]);
  if (found === undefined) return;
  await ctx.send({ op: "release", number: found.number, requester: found.owner });
}

/** The master account deletes a number for good. */
async function hardDelete(ctx: JourneyContext): Promise<void> {
  const number = ctx.model.pick(ctx.random, [
    "discovery",
    "available",
    "reserved",
    "in_service",
    "port_in",
    "aging",
    "released",
  ]);
  if (number === undefined) return;
  await ctx.send({ op: "release", number, requester: MASTER, hard: true });
}

/** A reseller hands a number of one of its accounts (in one of the states) to another of them. */
async function handOver(
  ctx: JourneyContext,
  op: "activate" | "reserve",
  states: readonly NumberState[],
): Promise<void> {
  const found = ownedNumber(ctx, states);
  const to = found === undefined ? undefined : sibling(ctx, found.owner);
  if (found === undefined || to === undefined) return;
  await ctx.send({ op, number: found.number, account: to.other, requester: to.reseller });
}

/** A reseller moves a number in service from one of its accounts to another. */
const transfer = (ctx: JourneyContext): Promise<void> => handOver(ctx, "activate", ["in_service"]);

/** A reseller reserves one of its accounts' numbers for another of them. */
const reassign = (ctx: JourneyContext): Promise<void> =>
  handOver(ctx, "reserve", ["reserved", "in_service"]);

/** A reseller adds a number it brings: reserved for itself, or in service for a customer. */
async function addNumbers(ctx: JourneyContext): Promise<void> {
  const number = ctx.nextPortable();
  if (number === undefined) return;
  const reseller = ctx.random.pick(ctx.world.resellers);
  const customers = ctx.world.customers.get(reseller) ?? [];
  const account =
    ctx.random.chance(0.5) && customers.length > 0 ? ctx.random.pick(customers) : reseller;
  await ctx.send({ op: "create", number, account, requester: reseller });
}

/** A holder asks for more time on its reservation. */
async function extendHold(ctx: JourneyContext): Promise<void> {
  const found = ownedNumber(ctx, ["reserved"]);
  if (found === undefined) return;
  const { holdForS } = ctx.profile.holds;
  await ctx.send({
    op: "reserve",
    number: found.number,
    account: found.owner,
    requester: found.owner,
    holdFor: holdForS,
  });
}

/** Every journey by name. */
export const JOURNEYS: Readonly<Record<FlowName, (ctx: JourneyContext) => Promise<void>>> = {
  buy,
  update,
  portIn,
  release,
  hardDelete,
  transfer,
  reassign,
  addNumbers,
  extendHold,
  portRequest,
};
