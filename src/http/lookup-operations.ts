import { validateBatch } from "../domain/batch.js";
import { httpFailure } from "./error-mapping.js";
import { failure, success, type Reply } from "./reply.js";
import { param, type AuthedContext, type RouteContext } from "./route-context.js";

/** The body's `numbers`, validated like a collection (collections.md §2), or the failure. */
function numbersOf(
  ctx: RouteContext,
): { ok: true; numbers: string[] } | { ok: false; reply: Reply } {
  const valid = validateBatch(ctx.body.data["numbers"]);
  return valid.ok ? valid : { ok: false, reply: httpFailure(valid.error, "lookup") };
}

/** POST …/check: each number's availability as the carriers report it; `{}` when none answered. */
export async function checkNumbers(ctx: AuthedContext): Promise<Reply> {
  const numbers = numbersOf(ctx);
  if (!numbers.ok) return numbers.reply;
  return success(await ctx.engine.check(numbers.numbers));
}

/** POST …/locality: the phonebook's locality object of each number. */
export async function localityOf(ctx: AuthedContext): Promise<Reply> {
  const numbers = numbersOf(ctx);
  if (!numbers.ok) return numbers.reply;
  const result = await ctx.engine.locality(numbers.numbers);
  return result.ok ? success(result.value) : httpFailure(result.error, "lookup");
}

/** GET …/prefix?city=: the city's prefixes; without `city`, 404 bad_identifier (§5). */
export async function cityPrefixes(ctx: RouteContext): Promise<Reply> {
  const city = ctx.query["city"];
  if (city === undefined || city === "") {
    return failure(404, "bad_identifier", { message: "bad identifier" });
  }
  const result = await ctx.engine.cityPrefixes(city);
  return result.ok ? success(result.value) : httpFailure(result.error, "lookup");
}

/** GET …/classifiers: the configured classifiers. */
export function listClassifiers(ctx: AuthedContext): Promise<Reply> {
  return Promise.resolve(success(ctx.engine.classifiers()));
}

/** GET …/classifiers/{N}: how a number classifies. */
export function classifyNumber(ctx: AuthedContext): Promise<Reply> {
  return Promise.resolve(success(ctx.engine.classify(param(ctx, "phone_number"))));
}
