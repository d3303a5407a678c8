/**
 * The `ts-objects` emitter: one module per object type (`src/objects/<stem>.ts`) with its attribute id enum, the
 * value type of each attribute (SAI-METADATA.md §3.1, §3.6) and the argument types of create, set and get, shaped
 * so the compiler rejects what SAI's metadata forbids (§2.2):
 * - create: MANDATORY_ON_CREATE attributes without `@condition` are required; READ_ONLY ones are `?: never`;
 * - set: only CREATE_AND_SET attributes are members of the `{id, value}` union;
 * - every attribute carries its exact value type (enums as their enum type, enum lists as lists of it).
 * Conditional mandatory attributes stay optional here: whether they are needed depends on values, which is the
 * validator's job. Entry object types also get their key interface (member names as in the C struct).
 */
import type { AttrCondition, AttrMetadata, ConstValue, ObjectTypeInfo } from "../model/types.js";
import { enumView } from "./enums.js";
import { MODULES, propertyKey } from "./names.js";
import { docText, renderTemplate, TsFile, typeSymbol } from "./ts-file.js";
import { tsPlan, type TsPlan } from "./ts-plan.js";
import { TypeWriter } from "./ts-types.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";
import { constText as headerConstText } from "../model/text.js";

/** A header constant as text (defaults and condition operands); `?` where the model has none. */
export function constText(v: ConstValue | null): string {
  return v ? headerConstText(v) : "?";
}

const OPS: Record<string, string> = { SAI_ATTR_CONDITION_TYPE_AND: "and", SAI_ATTR_CONDITION_TYPE_OR: "or" };

/** A `@condition`/`@validonly` list as text: operands joined by the list's type, or an RPN list evaluated. */
export function conditionText(type: string, items: readonly AttrCondition[]): string {
  const operand = (c: AttrCondition) => `${c.attrid} == ${constText(c.condition)}`;
  if (items.every((c) => c.type === "SAI_ATTR_CONDITION_TYPE_NONE")) return items.map(operand).join(` ${OPS[type] ?? "and"} `);
  const stack: string[] = [];
  for (const c of items) {
    if (c.type === "SAI_ATTR_CONDITION_TYPE_NONE") stack.push(operand(c));
    else {
      const b = stack.pop() ?? "?";
      const a = stack.pop() ?? "?";
      stack.push(`(${a} ${OPS[c.type] ?? "?"} ${b})`);
    }
  }
  return stack.join(", ").replace(/^\((.*)\)$/, "$1");
}

function defaultText(a: AttrMetadata): string | null {
  switch (a.defaultvaluetype) {
    case "SAI_DEFAULT_VALUE_TYPE_NONE":
      return null;
    case "SAI_DEFAULT_VALUE_TYPE_CONST":
      return constText(a.defaultvalue);
    case "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST":
      return "empty";
    case "SAI_DEFAULT_VALUE_TYPE_VENDOR_SPECIFIC":
      return "vendor specific";
    case "SAI_DEFAULT_VALUE_TYPE_SWITCH_INTERNAL":
      return "switch internal";
    case "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE":
      return `the value of ${a.defaultvalueattrid ?? "?"}${a.defaultvalueobjecttype ? ` of ${a.defaultvalueobjecttype}` : ""}`;
    case "SAI_DEFAULT_VALUE_TYPE_ATTR_RANGE":
      return `the range of ${a.defaultvalueattrid ?? "?"}`;
  }
}

/** The doc comment of an attribute: brief, then `@type`, flags, objects, default and conditions. */
export function attrDoc(a: AttrMetadata): string {
  const facts = [`\`@type ${a.typestring}\``, a.flags.map((f) => f.replace(/^SAI_ATTR_FLAGS_/, "")).join(" | ")];
  if (a.allowedobjecttypes.length) facts.push(`objects ${a.allowedobjecttypes.map((o) => o.replace(/^SAI_OBJECT_TYPE_/, "")).join(", ")}`);
  if (a.allownullobjectid) facts.push("null allowed");
  const d = defaultText(a);
  if (d !== null) facts.push(`default ${d}`);
  if (a.isconditional) facts.push(`condition ${conditionText(a.conditiontype, a.conditions)}`);
  if (a.isvalidonly) facts.push(`valid only when ${conditionText(a.validonlytype, a.validonly)}`);
  const brief = docText(a.brief).replace(/\.?$/, ".");
  return docText(`${brief} ${facts.filter(Boolean).join("; ")}.${a.isdeprecated ? " @deprecated" : ""}`);
}

/** True when create must supply the attribute (the type makes it a required member). */
export function requiredOnCreate(a: AttrMetadata): boolean {
  return a.ismandatoryoncreate && !a.isconditional && !a.isreadonly;
}

/** True when set accepts the attribute. */
export function settable(a: AttrMetadata): boolean {
  return a.iscreateandset && !a.isreadonly;
}

/** The view-model of one object type's module. */
export function objectView(o: ObjectTypeInfo, attrs: readonly AttrMetadata[], file: TsFile, plan: TsPlan, types: TypeWriter) {
  const n = plan.names.objects.get(o.objecttype)!;
  const attrEnumMeta = types.model.enums.find((e) => e.name === o.attrenum);
  const typed = attrs.map((a) => ({ a, key: propertyKey(a.attridname), type: types.attrType(a), doc: attrDoc(a) }));
  const attrOf = file.use(typeSymbol("AttrOf", MODULES.bindings));
  const settableNames = typed.filter((t) => settable(t.a)).map((t) => JSON.stringify(t.a.attridname));
  const mandatory = typed.filter((t) => requiredOnCreate(t.a)).map((t) => t.a.attridname);
  const short = o.objecttype.replace(/^SAI_OBJECT_TYPE_/, "");
  const keyOwner = o.keystruct;
  return {
    objecttype: o.objecttype,
    attrEnum: attrEnumMeta
      ? enumView(attrEnumMeta, file, plan)
      : { name: n.attrEnum, doc: `\`${o.attrenum}\``, members: [], typeDoc: `An attribute id of ${o.objecttype}.`, type: "never", flags: null },
    attrName: n.attrName,
    values: { name: n.values, attrs: typed.map((t) => ({ doc: t.doc, key: t.key, type: t.type })) },
    create: {
      name: n.create,
      doc:
        `The attributes of a create of \`${o.objecttype}\`: ` +
        (mandatory.length ? `${mandatory.join(", ")} ${mandatory.length === 1 ? "is" : "are"} required` : "none is required") +
        "; READ_ONLY attributes are rejected.\n *\n * Mandatory attributes with a `@condition` are optional here; the validator checks them against the values.",
      attrs: typed.map((t) => ({
        doc: t.a.isreadonly ? `READ_ONLY: never accepted by create. ${t.doc}` : t.doc,
        key: t.key,
        mark: requiredOnCreate(t.a) ? "" : "?",
        type: t.a.isreadonly ? "never" : t.type,
      })),
    },
    set: {
      name: n.set,
      doc: `One attribute of a set of \`${o.objecttype}\`: the CREATE_AND_SET attributes only (CREATE_ONLY and READ_ONLY ones cannot be set)${settableNames.length ? "" : "; this object type has none, so set accepts nothing"}.`,
      type: settableNames.length ? `${attrOf}<${n.values}, ${settableNames.join(" | ")}>` : "never",
    },
    get: n.get,
    attr: { name: n.attr, type: typed.length ? `${attrOf}<${n.values}, ${n.attrName}>` : "never" },
    key:
      keyOwner && n.key
        ? {
            name: n.key,
            // a type literal, not an interface: it must be assignable to Record<string, unknown> (the serializers and
            // the validator take keys that way)
            doc: `The key of a \`${short}\` entry: \`${keyOwner}\`, member names as in C.`,
            members: o.structmembers.map((m) => ({
              doc: docText(
                `\`${m.ctype}\`${m.allowedobjecttypes.length ? `; objects ${m.allowedobjecttypes.map((x) => x.replace(/^SAI_OBJECT_TYPE_/, "")).join(", ")}` : ""}${m.isvlan ? "; VLAN id" : ""}.`,
              ),
              key: propertyKey(m.membername),
              type: types.keyMemberType(m),
            })),
          }
        : null,
  };
}

/** `src/objects/<stem>.ts` for every object type. */
export function emitObjects(ctx: EmitContext): GeneratedFile[] {
  const plan = tsPlan(ctx.model);
  const byName = new Map(ctx.model.attributes.map((a) => [a.attridname, a]));
  return ctx.model.objectTypes.map((o) => {
    const n = plan.names.objects.get(o.objecttype)!;
    const file = new TsFile(n.module);
    const types = new TypeWriter(ctx.model, plan.names, file);
    const attrs = o.attributes.map((name) => byName.get(name)!).filter(Boolean);
    const view = objectView(o, attrs, file, plan, types);
    return file.finish(
      renderTemplate("object.ts", view),
      ctx.provenance,
      `Bindings of \`${o.objecttype}\` (${o.isobjectid ? "object id" : `entry, key \`${o.keystruct}\``}, API \`${o.api ?? "none"}\`): attribute ids, value types, create/set/get argument types.`,
    );
  });
}

/** The emitter. */
export const objectsEmitter: Emitter = { name: "ts-objects", emit: emitObjects };
