/**
 * The small JSON reader and writer the sairedis forms need.
 *
 * `JSON.parse` cannot serve: it rounds integers above 2^53 (64-bit counters, OIDs), drops duplicate keys silently,
 * and the attribute-list form must keep key order. So the reader keeps numbers as their source text and objects as
 * ordered maps that reject duplicates. The writer sorts object keys, as nlohmann::json (sairedis) does.
 */
import { err, ok, type Result } from "../values/result.js";

/** A JSON number kept as its source text, so 64-bit integers survive. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** A parsed JSON value: objects are insertion-ordered maps, numbers are {@link JsonNumber}. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | Map<string, JsonValue>;

/** A value to write: plain objects are written with sorted keys; numbers must be safe integers. */
export type JsonOut = null | boolean | string | number | readonly JsonOut[] | { readonly [k: string]: JsonOut };

/** Writes compact JSON with keys sorted by code unit, the order nlohmann's std::map gives for ASCII keys. */
export function emitJson(v: JsonOut): string {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${(v as readonly JsonOut[]).map(emitJson).join(",")}]`;
  const obj = v as { readonly [k: string]: JsonOut };
  const keys = Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${emitJson(obj[k]!)}`).join(",")}}`;
}

// Sticky (`y`) so each token is matched in place instead of on a copied tail of the text.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Parses strict JSON (RFC 8259); duplicate object keys are an error. */
export function parseJson(text: string): Result<JsonValue> {
  let i = 0;
  const fail = (what: string): Result<never> => err(`invalid JSON at offset ${i}: ${what}`);
  const ws = (): void => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const str = (): Result<string> => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (!m) return fail("expected a string");
    i += m[0].length;
    return ok(JSON.parse(m[0]) as string);
  };
  const value = (depth: number): Result<JsonValue> => {
    if (depth > 64) return fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const map = new Map<string, JsonValue>();
      ws();
      if (text[i] === "}") {
        i++;
        return ok(map);
      }
      for (;;) {
        ws();
        const k = str();
        if (!k.ok) return k;
        if (map.has(k.value)) return fail(`duplicate key "${k.value}"`);
        ws();
        if (text[i] !== ":") return fail("expected ':'");
        i++;
        const v = value(depth + 1);
        if (!v.ok) return v;
        map.set(k.value, v.value);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return ok(map);
        }
        return fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return ok(arr);
      }
      for (;;) {
        const v = value(depth + 1);
        if (!v.ok) return v;
        arr.push(v.value);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return ok(arr);
        }
        return fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    for (const [lit, val] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return ok(val);
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail("expected a value");
    i += m[0].length;
    return ok(new JsonNumber(m[0]));
  };
  const r = value(0);
  if (!r.ok) return r;
  ws();
  if (i !== text.length) return fail("trailing characters");
  return r;
}

/** Type guard for a parsed object. */
export function isJsonObject(v: JsonValue | undefined): v is Map<string, JsonValue> {
  return v instanceof Map;
}

/** Short description of a parsed value's kind, for error messages. */
export function jsonKind(v: JsonValue | undefined): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (v instanceof JsonNumber) return `number ${v.text}`;
  if (v instanceof Map) return "an object";
  if (Array.isArray(v)) return "an array";
  return typeof v === "string" ? `string ${JSON.stringify(v)}` : String(v);
}
