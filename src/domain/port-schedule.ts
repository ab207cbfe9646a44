import { isJsonObject, type JsonObject, type JsonValue } from "./json.js";
import { REQUIRED, invalid, type PortFailure } from "./port-request-errors.js";
import { GREGORIAN_UNIX_OFFSET } from "./time.js";

const DATE_TIME = /^2\d\d\d-\d\d-\d\d \d\d:\d\d$/;

/** The zone's offset from UTC at a UTC instant, in milliseconds. */
function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return local - utcMs;
}

/** True when the name is an IANA time zone this runtime knows. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `scheduled_date` from `schedule_on` (port-requests.md §2.3): the local `YYYY-MM-DD HH:MM` in
 * the IANA zone, as Gregorian seconds; or the validation failure of a malformed `schedule_on`.
 */
export function scheduledDateOf(
  scheduleOn: JsonValue,
): { ok: true; value: number } | { ok: false; error: PortFailure } {
  if (!isJsonObject(scheduleOn)) {
    return {
      ok: false,
      error: invalid("schedule_on", "type", { message: "Value did not match type(s): object" }),
    };
  }
  const on: JsonObject = scheduleOn;
  for (const key of ["date_time", "timezone"]) {
    if (typeof on[key] !== "string") {
      return { ok: false, error: invalid(`schedule_on.${key}`, "required", REQUIRED) };
    }
  }
  const dateTime = on["date_time"] as string;
  const zone = on["timezone"] as string;
  if (!DATE_TIME.test(dateTime)) {
    return {
      ok: false,
      error: invalid("schedule_on.date_time", "pattern", {
        message: `Failed to match pattern '${DATE_TIME.source}'`,
        value: dateTime,
      }),
    };
  }
  if (!isTimeZone(zone)) {
    return {
      ok: false,
      error: invalid("schedule_on.timezone", "enum", { message: "unknown time zone", cause: zone }),
    };
  }
  const [date = "", time = ""] = dateTime.split(" ");
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, mi);
  let utc = asUtc - zoneOffsetMs(zone, asUtc);
  utc = asUtc - zoneOffsetMs(zone, utc);
  return { ok: true, value: Math.floor(utc / 1000) + GREGORIAN_UNIX_OFFSET };
}
