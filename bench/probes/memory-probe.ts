// B8, run in its own process with --expose-gc: heap bytes per number held by the memory
// repository (`repository`), or by a hand-written Map of plain records (`plain`).
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { makeRecord } from "../../src/domain/record.js";
import { singleWrite } from "../../src/ports/repository.js";

const [mode, countArg] = process.argv.slice(2);
const count = Number(countArg);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with --expose-gc");
const number = (i: number): string => `+1415${String(i).padStart(7, "0")}`;
const used = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

const before = used();
let keep: unknown;
if (mode === "repository") {
  const repository = new MemoryNumberRepository();
  for (let i = 0; i < count; i++) {
    const record = makeRecord({
      number: number(i),
      state: "in_service",
      assignedTo: i % 2 === 0 ? "acme_sales" : "acme_support",
      now: 63_640_000_000 + i,
    });
    await repository.commit(singleWrite(record, null));
  }
  keep = repository;
} else {
  const map = new Map<string, object>();
  for (let i = 0; i < count; i++) {
    const n = number(i);
    map.set(n, {
      number: n,
      state: "in_service",
      assignedTo: i % 2 === 0 ? "acme_sales" : "acme_support",
      created: 63_640_000_000 + i,
      modified: 63_640_000_000 + i,
    });
  }
  keep = map;
}
const after = used();
console.log(JSON.stringify({ bytesPerNumber: (after - before) / count, kept: keep !== undefined }));
