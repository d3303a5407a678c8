/**
 * `@condition` / `@validonly` expressions compiled to closures (SAI-METADATA.md §2.4): each operand compares the
 * first supplied value of the referenced attribute, or that attribute's default when it is absent (no default ⇒
 * the operand is false); AND/OR lists and mixed RPN lists become a closure tree at compile time.
 */
import type { AttrCondition, AttrMetadata, ConstValue } from "../../generator/model/types.js";

/** Where an operand finds the current value of an attribute of the same object type. */
export interface ValueSource {
  /** The value supplied for attribute slot `slot` in the current call, or `ABSENT`. */
  valueAt(slot: number): unknown;
}

/** Marks "attribute not supplied". */
export const ABSENT: unique symbol = Symbol("absent");

/** A compiled condition. */
export type Cond = (src: ValueSource) => boolean;

const NEVER: Cond = () => false;

/** A header constant as the JS value the validator compares (undefined when it has no comparable form). */
export function constToJs(c: ConstValue | null, attr: AttrMetadata | undefined): unknown {
  if (!c) return undefined;
  switch (c.kind) {
    case "bool":
      return c.value;
    case "enum":
      return c.value;
    case "int": {
      const wide = attr?.attrvaluetype === "SAI_ATTR_VALUE_TYPE_UINT64" || attr?.attrvaluetype === "SAI_ATTR_VALUE_TYPE_INT64";
      return wide ? BigInt(c.value) : Number(c.value);
    }
    case "oid":
      return 0n;
    default:
      return undefined;
  }
}

/**
 * Compiles a condition list of `type` (`…_AND`, `…_OR`, `…_MIXED`). `slotOf` maps a referenced attribute name to
 * its slot and metadata in the same object type.
 */
export function compileCondition(
  type: string,
  list: readonly AttrCondition[],
  slotOf: (name: string) => { slot: number; meta: AttrMetadata } | undefined,
): Cond {
  const operand = (c: AttrCondition): Cond => {
    const ref = c.attrid ? slotOf(c.attrid) : undefined;
    if (!ref) return NEVER;
    const want = constToJs(c.condition, ref.meta);
    if (want === undefined) return NEVER;
    const dflt = ref.meta.defaultvaluetype === "SAI_DEFAULT_VALUE_TYPE_CONST" ? constToJs(ref.meta.defaultvalue, ref.meta) : undefined;
    const slot = ref.slot;
    // An absent attribute without a comparable default never equals `want`: ABSENT is a symbol.
    const fallback = dflt === undefined ? ABSENT : dflt;
    return (src) => {
      const v = src.valueAt(slot);
      return (v === ABSENT ? fallback : v) === want;
    };
  };
  if (list.length === 0) return NEVER;
  if (type === "SAI_ATTR_CONDITION_TYPE_MIXED") {
    const stack: Cond[] = [];
    for (const c of list) {
      if (c.type === "SAI_ATTR_CONDITION_TYPE_NONE") {
        stack.push(operand(c));
        continue;
      }
      const b = stack.pop();
      const a = stack.pop();
      if (!a || !b) return NEVER; // malformed RPN: the checked model never has it
      stack.push(c.type === "SAI_ATTR_CONDITION_TYPE_AND" ? (s) => a(s) && b(s) : (s) => a(s) || b(s));
    }
    return stack.length === 1 ? stack[0]! : NEVER;
  }
  const ops = list.map(operand);
  if (ops.length === 1) return ops[0]!;
  if (type === "SAI_ATTR_CONDITION_TYPE_AND")
    return (s) => {
      for (const o of ops) if (!o(s)) return false;
      return true;
    };
  return (s) => {
    for (const o of ops) if (o(s)) return true;
    return false;
  };
}
