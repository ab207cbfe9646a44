import type { JsonObject, JsonValue } from "../../src/domain/json.js";
import type { PhonebookClient, PhonebookReply } from "../../src/adapters/carriers/other.js";

/** How the fake phonebook answers an order for one number. */
export type OrderAnswer =
  | { readonly kind: "success"; readonly opaque?: JsonObject; readonly locality?: JsonObject }
  | { readonly kind: "refused" }
  | { readonly kind: "http_error" }
  | { readonly kind: "transport_error" };

/** An in-memory phonebook HTTP service: stock by number, order answers, and a request log. */
export class FakePhonebookClient implements PhonebookClient {
  readonly requests: { method: string; url: string; body?: JsonValue }[] = [];

  /** `stock` maps offered numbers to their carrier data; unlisted orders succeed plainly. */
  constructor(
    private readonly stock: Readonly<Record<string, JsonObject>>,
    private readonly orders: Readonly<Record<string, OrderAnswer>> = {},
  ) {}

  /** Searches the stock like the phonebook's `/numbers/{country}/search`. */
  get(url: string): Promise<PhonebookReply> {
    this.requests.push({ method: "GET", url });
    const query = new URL(url).searchParams;
    const prefix = query.get("prefix") ?? "";
    const limit = Number(query.get("limit"));
    const offset = Number(query.get("offset"));
    const numbers = Object.keys(this.stock)
      .filter((n) => n.startsWith(prefix))
      .sort()
      .slice(offset, offset + limit);
    const data = Object.fromEntries(numbers.map((n) => [n, this.stock[n] ?? {}]));
    return Promise.resolve({ status: 200, body: { status: "success", data } });
  }

  /** Orders numbers like `/numbers/{country}/order`. */
  put(url: string, body: JsonValue): Promise<PhonebookReply> {
    this.requests.push({ method: "PUT", url, body });
    const numbers = (body as { data: { numbers: string[] } }).data.numbers;
    const data: JsonObject = {};
    for (const number of numbers) {
      const answer = this.orders[number] ?? { kind: "success" };
      if (answer.kind === "transport_error") return Promise.reject(new Error("ECONNREFUSED"));
      if (answer.kind === "http_error") return Promise.resolve({ status: 503, body: {} });
      data[number] =
        answer.kind === "refused"
          ? { status: "error" }
          : {
              status: "success",
              ...(answer.opaque === undefined ? {} : { opaque: answer.opaque }),
              ...(answer.locality === undefined ? {} : { locality: answer.locality }),
            };
    }
    return Promise.resolve({ status: 200, body: { status: "success", data } });
  }

  /** Status of 10-digit numbers like `/numbers/{country}/status`. */
  post(url: string, body: JsonValue): Promise<PhonebookReply> {
    this.requests.push({ method: "POST", url, body });
    const npans = (body as { data: string[] }).data;
    const data = npans.map((npan) => ({
      number: npan,
      status: this.stock[`+1${npan}`] === undefined ? "error" : "success",
    }));
    return Promise.resolve({ status: 200, body: { status: "success", data } });
  }
}
