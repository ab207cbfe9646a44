import { failure, type Reply } from "./reply.js";
import type { Route } from "./route-context.js";

/** A route found for a request, with its decoded path parameters. */
export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

interface Template {
  readonly path: string;
  readonly segments: readonly string[];
  readonly literals: number;
}

const isParam = (segment: string): boolean => segment.startsWith("{") && segment.endsWith("}");

const splitPath = (path: string): string[] => path.split("/").filter((s) => s !== "");

function matchTemplate(
  template: Template,
  raw: readonly string[],
): Record<string, string> | undefined {
  if (template.segments.length !== raw.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of template.segments.entries()) {
    const given = raw[i] as string;
    if (isParam(segment)) params[segment.slice(1, -1)] = decodeURIComponent(given);
    else if (segment !== given) return undefined;
  }
  return params;
}

/**
 * Builds a router over a route table: the template with the most literal segments that matches
 * the path wins; no template -> 404; a template without the method -> 405 with `Allow`.
 */
export function createRouter(routes: readonly Route[]) {
  const templates: Template[] = [...new Set(routes.map((r) => r.path))].map((path) => {
    const segments = splitPath(path);
    return { path, segments, literals: segments.filter((s) => !isParam(s)).length };
  });
  templates.sort((a, b) => b.literals - a.literals);
  return (
    method: string,
    path: string,
  ): { ok: true; match: RouteMatch } | { ok: false; reply: Reply } => {
    const raw = splitPath(path.split("?")[0] ?? "");
    for (const template of templates) {
      let params: Record<string, string> | undefined;
      try {
        params = matchTemplate(template, raw);
      } catch {
        return {
          ok: false,
          reply: failure(400, "invalid request", {
            message: "malformed percent-encoding in the path",
          }),
        };
      }
      if (params === undefined) continue;
      const candidates = routes.filter((r) => r.path === template.path);
      const route = candidates.find((r) => r.method === method.toUpperCase());
      if (route !== undefined) return { ok: true, match: { route, params } };
      const allow = candidates.map((r) => r.method).join(", ");
      return {
        ok: false,
        reply: failure(
          405,
          "method_not_allowed",
          { message: `allowed methods: ${allow}` },
          { allow },
        ),
      };
    }
    return { ok: false, reply: failure(404, "not_found", { message: "no such resource" }) };
  };
}
