/**
 * The `@condition` / `@validonly` expression language (SAI-METADATA.md §2.4):
 * `A == v and B == w`, `A == v or B == w`, and mixed expressions where every binary operator has its own
 * parentheses (an outer pair implied). Mixed expressions become reverse-polish lists.
 */
import type { ConditionType } from "./types.js";

/** An operand before value binding: attribute name and the value text as written. */
export interface RawOperand {
  kind: "operand";
  attr: string;
  value: string;
}
export interface RawOperator {
  kind: "operator";
  op: "and" | "or";
}
export type RawConditionItem = RawOperand | RawOperator;

export type ConditionParse =
  | { ok: true; type: ConditionType; items: RawConditionItem[] }
  | { ok: false; error: string };

const OPERAND_RE = /^(SAI_\w+) == (true|false|SAI_\w+|-?\d+|0x[0-9A-Fa-f]+)$/;
const OTHER_OP_RE = /(!=|<=|>=|<|>)/;

function operand(text: string): RawOperand | string {
  const m = OPERAND_RE.exec(text);
  if (m) return { kind: "operand", attr: m[1]!, value: m[2]! };
  if (OTHER_OP_RE.test(text)) return `only \`==\` is supported, got \`${text}\``;
  if (/==/.test(text)) return `operand \`${text}\` must be \`SAI_<OBJ>_ATTR_<NAME> == value\` with one space around \`==\``;
  return `cannot parse condition operand \`${text}\``;
}

/** Parses a condition expression into its type and operand/operator list (RPN for MIXED). */
export function parseCondition(text: string): ConditionParse {
  const src = text.trim();
  if (src === "") return { ok: false, error: "empty condition" };
  const hasAnd = / and /.test(src);
  const hasOr = / or /.test(src);
  if (!(hasAnd && hasOr)) {
    if (/[()]/.test(src)) return { ok: false, error: "parentheses are only allowed in expressions mixing `and` and `or`" };
    const parts = src.split(hasAnd ? " and " : " or ");
    const items: RawConditionItem[] = [];
    for (const p of parts) {
      const o = operand(p.trim());
      if (typeof o === "string") return { ok: false, error: o };
      items.push(o);
    }
    return { ok: true, type: hasAnd ? "SAI_ATTR_CONDITION_TYPE_AND" : "SAI_ATTR_CONDITION_TYPE_OR", items };
  }
  return parseMixed(src);
}

type Tok = "(" | ")" | "and" | "or" | { cond: string };

function tokenizeMixed(src: string): Tok[] {
  const toks: Tok[] = [];
  let buf = "";
  const flush = () => {
    const t = buf.trim();
    if (t) toks.push({ cond: t });
    buf = "";
  };
  const words = src.replace(/\(/g, " ( ").replace(/\)/g, " ) ").split(/\s+/).filter(Boolean);
  for (const w of words) {
    if (w === "(" || w === ")" || w === "and" || w === "or") {
      flush();
      toks.push(w);
    } else buf += (buf ? " " : "") + w;
  }
  flush();
  return toks;
}

function parseMixed(src: string): ConditionParse {
  const toks = tokenizeMixed(src.startsWith("(") ? src : `(${src})`);
  const out: RawConditionItem[] = [];
  let i = 0;
  let error: string | null = null;
  const fail = (e: string) => {
    if (!error) error = e;
  };
  // expr := term [op term]   (at top level or inside one pair of parentheses); term := cond | '(' expr ')'
  const term = (): void => {
    const t = toks[i];
    if (t === "(") {
      i++;
      expr(true);
      if (toks[i] !== ")") return fail("unbalanced parentheses");
      i++;
    } else if (t && typeof t === "object") {
      i++;
      const o = operand(t.cond);
      if (typeof o === "string") return fail(o);
      out.push(o);
    } else fail(`expected a condition, found \`${typeof t === "string" ? t : "end of text"}\``);
  };
  const expr = (inner: boolean): void => {
    term();
    const t = toks[i];
    if (t === "and" || t === "or") {
      i++;
      term();
      out.push({ kind: "operator", op: t });
      const next = toks[i];
      if (next === "and" || next === "or")
        fail("each `and`/`or` in a mixed expression needs its own pair of parentheses");
    } else if (inner) fail("a parenthesised group must contain exactly one `and` or `or`");
  };
  expr(false);
  if (!error && i < toks.length) fail("each `and`/`or` in a mixed expression needs its own pair of parentheses");
  if (error) return { ok: false, error };
  return { ok: true, type: "SAI_ATTR_CONDITION_TYPE_MIXED", items: out };
}
