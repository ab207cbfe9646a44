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
  /** Per segment, the parameter it names, or undefined for a literal segment. */
  readonly params: readonly (string | undefined)[];
  readonly literals: number;
  /** The routes of this path by method, and the `Allow` list for a 405. */
  readonly byMethod: ReadonlyMap<string, Route>;
  readonly allow: string;
}

const isParam = (segment: string): boolean => segment.startsWith("{") && segment.endsWith("}");

const splitPath = (path: string): string[] => path.split("/").filter((s) => s !== "");

/** The decoded parameters when the path fits the template (literals first, then decoding). */
function matchTemplate(
  template: Template,
  raw: readonly string[],
): Record<string, string> | undefined {
  const { segments, params: names } = template;
  if (segments.length !== raw.length) return undefined;
  for (let i = 0; i < segments.length; i++) {
    if (names[i] === undefined && segments[i] !== raw[i]) return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const name = names[i];
    if (name !== undefined) params[name] = decodeURIComponent(raw[i] as string);
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
    const candidates = routes.filter((r) => r.path === path);
    return {
      path,
      segments,
      params: segments.map((s) => (isParam(s) ? s.slice(1, -1) : undefined)),
      literals: segments.filter((s) => !isParam(s)).length,
      // Reversed, so that the first route listed for a method wins, as before.
      byMethod: new Map(candidates.toReversed().map((r) => [r.method, r])),
      allow: candidates.map((r) => r.method).join(", "),
    };
  });
  templates.sort((a, b) => b.literals - a.literals);
  // Only templates with as many segments as the path can match it: grouped by that count.
  const bySegments = new Map<number, Template[]>();
  for (const template of templates) {
    const count = template.segments.length;
    bySegments.set(count, [...(bySegments.get(count) ?? []), template]);
  }
  return (
    method: string,
    path: string,
  ): { ok: true; match: RouteMatch } | { ok: false; reply: Reply } => {
    const query = path.indexOf("?");
    const raw = splitPath(query < 0 ? path : path.slice(0, query));
    for (const template of bySegments.get(raw.length) ?? []) {
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
      const route = template.byMethod.get(method.toUpperCase());
      if (route !== undefined) return { ok: true, match: { route, params } };
      const allow = template.allow;
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
