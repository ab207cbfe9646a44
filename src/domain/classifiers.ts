import type { JsonObject } from "./json.js";
import { normalize, type NumberRules, DEFAULT_NUMBER_RULES } from "./normalization.js";

/** One classifier definition as configured (`number_manager.classifiers`). */
export interface ClassifierDefinition {
  readonly regex?: string;
  readonly friendly_name?: string;
  readonly pretty_print?: string;
  readonly emergency?: boolean;
}

const US_PRETTY = "SS(###) ### - ####";

/** The default classifiers in evaluation order (normalization.md §4.1, seed). */
export const DEFAULT_CLASSIFIERS: Readonly<Record<string, ClassifierDefinition | string>> = {
  tollfree_us: {
    regex: "^\\+1((?:800|888|877|866|855)\\d{7})$",
    friendly_name: "US TollFree",
    pretty_print: US_PRETTY,
  },
  toll_us: { regex: "^\\+1(900\\d{7})$", friendly_name: "US Toll", pretty_print: US_PRETTY },
  emergency: { regex: "^(911)$", friendly_name: "Emergency Dispatcher", emergency: true },
  caribbean: {
    regex:
      "^\\+?1((?:684|264|268|242|246|441|284|345|767|809|829|849|473|671|876|664|670|787|939|869|758|784|721|868|649|340)\\d{7})$",
    friendly_name: "Caribbean",
    pretty_print: US_PRETTY,
  },
  did_us: {
    regex: "^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$",
    friendly_name: "US DID",
    pretty_print: US_PRETTY,
  },
  international: { regex: "^(011\\d*)$|^(00\\d*)$", friendly_name: "International" },
  unknown: { regex: "^(.*)$", friendly_name: "Unknown" },
};

interface CompiledClassifier {
  readonly name: string;
  readonly definition: JsonObject;
  readonly regex: RegExp | undefined;
}

/** Classifiers compiled once, in evaluation order. */
export interface Classifiers {
  readonly entries: readonly CompiledClassifier[];
}

/** Expands legacy string definitions and compiles the regexes (normalization.md §4.1, §6 note 5). */
export function compileClassifiers(
  table: Readonly<Record<string, ClassifierDefinition | string>> = DEFAULT_CLASSIFIERS,
): Classifiers {
  return {
    entries: Object.entries(table).map(([name, raw]) => {
      const definition: JsonObject =
        typeof raw === "string"
          ? { regex: raw, friendly_name: name }
          : { friendly_name: name, ...raw };
      const source = definition["regex"];
      return {
        name,
        definition,
        regex: typeof source === "string" ? new RegExp(source) : undefined,
      };
    }),
  };
}

/** The default classifiers, compiled once. */
export const DEFAULT_COMPILED_CLASSIFIERS: Classifiers = compileClassifiers();

/** The `/classifiers` listing: name -> definition. */
export function listClassifiers(classifiers: Classifiers): JsonObject {
  const out: JsonObject = {};
  for (const entry of classifiers.entries) out[entry.name] = { ...entry.definition };
  return out;
}

/**
 * Classifies an input (normalization.md §4.2/§4.3): the first classifier whose regex matches
 * the normalized number, with `name`, `number` (as given) and `e164`.
 */
export function classify(
  input: string,
  classifiers: Classifiers = DEFAULT_COMPILED_CLASSIFIERS,
  rules: NumberRules = DEFAULT_NUMBER_RULES,
): JsonObject {
  const e164 = normalize(input, rules);
  const match = classifiers.entries.find((entry) => entry.regex?.test(e164) ?? false);
  if (match === undefined) return { number: input, e164 };
  return { ...match.definition, name: match.name, number: input, e164 };
}

/** Applies a pretty_print format to a normalized number (normalization.md §4.4). */
export function prettyPrint(format: string, number: string): string {
  let out = "";
  let pos = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && i + 1 < format.length) {
      out += format[++i];
    } else if (ch === "S") {
      pos++;
    } else if (ch === "#") {
      if (pos < number.length) out += number[pos];
      pos++;
    } else if (ch === "*") {
      out += number.slice(pos);
      pos = number.length;
    } else {
      out += ch;
    }
  }
  return out;
}
