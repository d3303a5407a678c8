/**
 * Metadata values as header text (`@default`, `@condition`, `@validonly`), so that diff messages and generated
 * docs show what a header author wrote rather than the model's JSON shapes.
 */
import type { AttrCondition, AttrMetadata, ConditionType, ConstValue } from "./types.js";

/** A constant as it would be written in a header. */
export function constText(v: ConstValue): string {
  switch (v.kind) {
    case "bool":
      return String(v.value);
    case "enum":
      return v.name;
    case "oid":
      return "SAI_NULL_OBJECT_ID";
    case "chardata":
      return JSON.stringify(v.value);
    case "pointer":
      return "NULL";
    case "acl":
      return "disabled";
    case "zero":
      return "0";
    case "const":
      return "const";
    default:
      return v.value;
  }
}

/** An attribute's `@default` as written (`""` when it has none). */
export function defaultText(a: AttrMetadata): string {
  switch (a.defaultvaluetype) {
    case "SAI_DEFAULT_VALUE_TYPE_NONE":
      return "";
    case "SAI_DEFAULT_VALUE_TYPE_CONST":
      return a.defaultvalue ? constText(a.defaultvalue) : "const";
    case "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST":
      return "empty";
    case "SAI_DEFAULT_VALUE_TYPE_VENDOR_SPECIFIC":
      return "vendor";
    case "SAI_DEFAULT_VALUE_TYPE_SWITCH_INTERNAL":
      return "internal";
    case "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE":
      return `attrvalue ${a.defaultvalueattrid ?? "?"}`;
    case "SAI_DEFAULT_VALUE_TYPE_ATTR_RANGE":
      return "attrrange";
  }
}

/**
 * A condition list back in header syntax. AND/OR lists are flat; MIXED lists are in reverse-polish order
 * (SAI-METADATA.md §2.4), rebuilt here with one parenthesis pair per operator, minus the implied outer pair.
 */
export function conditionText(type: ConditionType, list: readonly AttrCondition[]): string {
  const operand = (c: AttrCondition) => `${c.attrid ?? "?"} == ${c.condition ? constText(c.condition) : "?"}`;
  if (list.length === 0) return "";
  if (type !== "SAI_ATTR_CONDITION_TYPE_MIXED") {
    const op = type === "SAI_ATTR_CONDITION_TYPE_AND" ? " and " : " or ";
    return list.map(operand).join(op);
  }
  const stack: string[] = [];
  for (const c of list) {
    if (c.type === "SAI_ATTR_CONDITION_TYPE_NONE") {
      stack.push(operand(c));
      continue;
    }
    const b = stack.pop() ?? "?";
    const a = stack.pop() ?? "?";
    stack.push(`(${a} ${c.type === "SAI_ATTR_CONDITION_TYPE_AND" ? "and" : "or"} ${b})`);
  }
  const text = stack.join(" ");
  return stack.length === 1 && text.startsWith("(") && text.endsWith(")") ? text.slice(1, -1) : text;
}

/** Short value type name without the `SAI_ATTR_VALUE_TYPE_` prefix. */
export function valueTypeText(t: string): string {
  return t.replace(/^SAI_ATTR_VALUE_TYPE_/, "");
}
