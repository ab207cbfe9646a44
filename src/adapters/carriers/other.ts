import { toNpan } from "../../domain/normalization.js";
import { NumberLifecycleError } from "../../domain/errors.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../domain/json.js";
import type { NumberRecord } from "../../domain/record.js";
import type {
  AcquireResult,
  Carrier,
  CarrierOffer,
  CarrierSearch,
  CarrierSearchResult,
} from "../../ports/carrier.js";

/** What the phonebook answered: the HTTP status and the decoded JSON body. */
export interface PhonebookReply {
  readonly status: number;
  readonly body: JsonValue;
}

/** The HTTP client the phonebook carrier talks through; a transport failure rejects. */
export interface PhonebookClient {
  /** Sends a GET. */
  get(url: string): Promise<PhonebookReply>;
  /** Sends a PUT with a JSON body. */
  put(url: string, body: JsonValue): Promise<PhonebookReply>;
  /** Sends a POST with a JSON body. */
  post(url: string, body: JsonValue): Promise<PhonebookReply>;
}

/** Settings of the phonebook carrier (config category `number_manager.other`). */
export interface OtherCarrierOptions {
  readonly client: PhonebookClient;
  /** `phonebook_url`; without it nothing can be searched or bought. */
  readonly url?: string | undefined;
  /** Used when a search names no country; default `US`. */
  readonly defaultCountry?: string | undefined;
  /** Gateways sent with every order. */
  readonly endpoints?: string | readonly string[] | undefined;
}

/** The search-result fields a phonebook entry may supply (decisions.md D5). */
const SHOWN_FIELDS = [
  "e164",
  "formatted_number",
  "npa_nxx",
  "number_id",
  "rate_center",
  "status",
  "ten_digit",
];

const byCarrier = (number: string): NumberLifecycleError =>
  new NumberLifecycleError({ reason: "by_carrier", number, message: "fault by carrier" });

const successData = (reply: PhonebookReply): JsonValue | undefined =>
  reply.status === 200 && isJsonObject(reply.body) && reply.body["status"] === "success"
    ? reply.body["data"]
    : undefined;

function offerOf(number: string, data: JsonValue | undefined): CarrierOffer {
  const carrierData = isJsonObject(data) ? data : {};
  const fields: JsonObject = {};
  for (const key of SHOWN_FIELDS) {
    const value = carrierData[key];
    if (value !== undefined) fields[key] = value;
  }
  return { number, fields, carrierData };
}

/**
 * `knm_other` (carriers.md §5.5): numbers bought from a phonebook HTTP service. Search and order
 * go to `{url}/numbers/{country}/…`; an order that succeeds keeps the phonebook's `opaque` data
 * as carrier data and its `locality` as a feature. Any failed order is a fault by carrier;
 * without a URL, ordering fails with `missing_provider_url`.
 */
export class OtherCarrier implements Carrier {
  readonly name = "other";
  readonly isLocal = false;
  readonly #country: string;
  readonly #gateways: readonly string[];

  /** Builds the carrier over an HTTP client and its settings. */
  constructor(private readonly options: OtherCarrierOptions) {
    this.#country = options.defaultCountry ?? "US";
    const endpoints = options.endpoints ?? [];
    this.#gateways = typeof endpoints === "string" ? [endpoints] : endpoints;
  }

  /** Asks the phonebook for numbers; anything but a successful answer offers nothing. */
  async search(query: CarrierSearch): Promise<CarrierSearchResult> {
    const url = this.options.url;
    if (url === undefined) return { kind: "not_available" };
    const country = query.country || this.#country;
    const prefix = encodeURIComponent(query.prefix);
    const target = `${url}/numbers/${country}/search?prefix=${prefix}&limit=${query.quantity}&offset=${query.offset}`;
    let data: JsonValue | undefined;
    try {
      data = successData(await this.options.client.get(target));
    } catch {
      return { kind: "not_available" };
    }
    if (!isJsonObject(data)) return { kind: "not_available" };
    const offers = Object.keys(data)
      .filter((number) => number.startsWith(query.prefix))
      .sort()
      .slice(0, query.quantity)
      .map((number) => offerOf(number, data[number]));
    return { kind: "ok", offers };
  }

  /** Orders the number from the phonebook. */
  async acquire(record: NumberRecord): Promise<AcquireResult> {
    const url = this.options.url;
    if (url === undefined) throw new NumberLifecycleError({ reason: "missing_provider_url" });
    const body = { data: { numbers: [record.number], gateways: [...this.#gateways] } };
    let reply: PhonebookReply;
    try {
      reply = await this.options.client.put(`${url}/numbers/${this.#country}/order`, body);
    } catch {
      throw byCarrier(record.number);
    }
    const data = reply.status === 200 && isJsonObject(reply.body) ? reply.body["data"] : undefined;
    const answer = isJsonObject(data) ? data[record.number] : undefined;
    if (!isJsonObject(answer) || answer["status"] !== "success") throw byCarrier(record.number);
    const opaque = answer["opaque"];
    const locality = answer["locality"];
    return {
      ...(isJsonObject(opaque) ? { carrierData: opaque } : {}),
      ...(locality === undefined ? {} : { features: { locality } }),
    };
  }

  /** Nothing to give back: the phonebook keeps no order to cancel. */
  disconnect(): void {}

  /** Asks the phonebook for each number's status (10-digit form on the wire). */
  async checkNumbers(numbers: readonly string[]): Promise<Readonly<Record<string, string>>> {
    const url = this.options.url;
    if (url === undefined) throw new Error("missing_provider_url");
    const npan = numbers.map(toNpan);
    const reply = await this.options.client.post(`${url}/numbers/${this.#country}/status`, {
      data: npan,
    });
    const data = successData(reply);
    if (!Array.isArray(data)) throw new Error("phonebook status failed");
    const out: Record<string, string> = {};
    for (const item of data) {
      if (!isJsonObject(item)) continue;
      const { number, status } = item;
      if (typeof number === "string" && typeof status === "string") out[number] = status;
    }
    return out;
  }
}
