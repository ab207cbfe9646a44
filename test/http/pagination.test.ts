import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aNumber } from "../support/records.js";
import { anApi, dataOf, url, type Api } from "./api.js";

const numbersOf = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `+1415${String(2000000 + i * 7).padStart(7, "0")}`);

const worldOf = (numbers: readonly string[]) =>
  anApi({
    numbers: [...numbers]
      .reverse()
      .map((number) => aNumber({ number, state: "in_service", assignedTo: "acme_sales" })),
  });

/** Follows next_start_key from the first page to the last, collecting the listed numbers. */
async function walk(api: Api, pageSize: number): Promise<{ listed: string[]; pages: number }> {
  const listed: string[] = [];
  let startKey: string | undefined;
  let pages = 0;
  do {
    const query: Record<string, string> = { page_size: String(pageSize) };
    if (startKey !== undefined) query["start_key"] = startKey;
    const response = await api.call("acme_sales", "GET", url("acme_sales"), { query });
    expect(response.status).toBe(200);
    listed.push(...Object.keys((dataOf(response) as { numbers: object }).numbers));
    startKey = (response.body as { next_start_key?: string }).next_start_key;
    pages += 1;
  } while (startKey !== undefined);
  return { listed, pages };
}

describe("listing pagination", () => {
  it("walks 2,500 numbers in pages of 100, each number once and in order", async () => {
    const numbers = numbersOf(2500);
    const api = await worldOf(numbers);

    const { listed, pages } = await walk(api, 100);

    expect(pages).toBe(25);
    expect(listed).toEqual(numbers);
  });

  it("echoes start_key and page_size, and gives next_start_key only while rows remain", async () => {
    const numbers = numbersOf(5);
    const api = await worldOf(numbers);

    const first = await api.call("acme_sales", "GET", url("acme_sales"), {
      query: { page_size: "3" },
    });
    const last = await api.call("acme_sales", "GET", url("acme_sales"), {
      query: { page_size: "3", start_key: numbers[3] as string },
    });

    expect(first.body).toMatchObject({ page_size: 3, next_start_key: numbers[3] });
    expect(first.body).not.toHaveProperty("start_key");
    expect(last.body).toMatchObject({ page_size: 2, start_key: numbers[3] });
    expect(last.body).not.toHaveProperty("next_start_key");
  });

  it("lists every number exactly once in order whatever the page size", async () => {
    const numbers = numbersOf(120);
    const api = await worldOf(numbers);

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 130 }), async (pageSize) => {
        const { listed, pages } = await walk(api, pageSize);
        expect(listed).toEqual(numbers);
        expect(pages).toBe(Math.max(1, Math.ceil(numbers.length / pageSize)));
      }),
      { numRuns: 40 },
    );
  });
});
