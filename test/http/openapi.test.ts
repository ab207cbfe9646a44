import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTES } from "../../src/http/routes.js";

interface Operation {
  readonly operationId: string;
  readonly summary: string;
  readonly security: readonly object[];
}

const doc = JSON.parse(
  readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8"),
) as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
};

const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    operation,
  })),
);

/** Every `$ref` string found anywhere in a JSON value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === "$ref" && typeof v === "string" ? [v] : refs(v),
  );
}

describe("docs/openapi.json", () => {
  it("is OpenAPI 3.1 and documents exactly the routes of the route table", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(documented.map((d) => d.key).sort()).toEqual(
      ROUTES.map((r) => `${r.method} ${r.path}`).sort(),
    );
  });

  it("names each operation and its credentials as the route table does", () => {
    for (const route of ROUTES) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.operationId).toBe(route.name);
      expect(operation?.summary).toBe(route.summary);
      const anonymous = operation?.security.some((s) => Object.keys(s).length === 0);
      expect(anonymous).toBe(route.auth === "optional");
    }
  });

  it("has no dangling references", () => {
    const root = doc as unknown as Record<string, unknown>;
    for (const ref of refs(doc)) {
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
      expect(target, ref).toBeDefined();
    }
  });
});
