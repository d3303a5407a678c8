/**
 * Object types, their attributes and their entry key members: the "objects" section of a diff.
 *
 * Object types are paired by name, then renames by numeric value; attributes of a paired object by name, then
 * renames by attribute id; key members by name, then renames by (offset, size, C type).
 */
import type { AttrCondition, AttrMetadata, ConditionType, EnumMetadata, KeyMember, ObjectTypeInfo, SaiModel } from "../model/types.js";
import { change, hex, matchByName, type Change } from "./change.js";
import { conditionText, constText, defaultText, valueTypeText } from "../model/text.js";
import {
  conditionRuling,
  flagsRuling,
  flagsText,
  objectsRuling,
  permissionRuling,
  renameRuling,
  validOnlyRuling,
  type ConditionFacts,
} from "./verdict.js";

/** Facts about the old headers that attribute rules need. */
export interface OldFacts {
  /** Every enum value name of the old headers. */
  enumValues: ReadonlySet<string>;
}

function oldFacts(model: SaiModel): OldFacts {
  return { enumValues: new Set(model.enums.flatMap((e) => e.values.map((v) => v.name))) };
}

function conditionFacts(
  old: { type: ConditionType; list: readonly AttrCondition[] },
  neu: { type: ConditionType; list: readonly AttrCondition[] },
  facts: OldFacts,
): ConditionFacts {
  const operand = (c: AttrCondition) => `${c.attrid} == ${c.condition ? constText(c.condition) : ""}`;
  const olds = new Set(old.list.map(operand));
  const added = neu.list.filter((c) => !olds.has(operand(c)));
  const onlyNewValues =
    old.type === "SAI_ATTR_CONDITION_TYPE_OR" &&
    neu.type === "SAI_ATTR_CONDITION_TYPE_OR" &&
    old.list.every((c) => neu.list.some((n) => operand(n) === operand(c))) &&
    added.length > 0 &&
    added.every((c) => c.condition?.kind === "enum" && !facts.enumValues.has(c.condition.name));
  return { oldText: conditionText(old.type, old.list), newText: conditionText(neu.type, neu.list), onlyNewValues };
}

/** Changes to object types, attributes and entry keys between two models. */
export function diffObjects(oldModel: SaiModel, newModel: SaiModel): Change[] {
  const out: Change[] = [];
  const m = matchByName(oldModel.objectTypes, newModel.objectTypes, (o) => o.objecttype, (o) => String(o.value));
  const oldValues = new Map(oldModel.objectTypes.map((o) => [o.value, o.objecttype]));
  const base = { section: "objects" as const, subject: "object-type" as const };

  for (const o of m.removed)
    out.push(change({ ...base, owner: o.objecttype, kind: "removed", name: o.objecttype, old: hex(o.value), verdict: "abi-breaking", reason: `object type value ${o.value} is no longer defined` }));
  for (const n of m.added) {
    const prev = oldValues.get(n.value);
    out.push(
      prev !== undefined
        ? change({ ...base, owner: n.objecttype, kind: "added", name: n.objecttype, new: hex(n.value), verdict: "abi-breaking", reason: `reuses value ${n.value}, which meant ${prev} in the old headers` })
        : change({ ...base, owner: n.objecttype, kind: "added", name: n.objecttype, new: hex(n.value), verdict: "compatible", reason: `new object type with ${n.attributes.length} attribute(s)` }),
    );
  }
  for (const [o, n] of m.renamed) {
    const r = renameRuling(false);
    out.push(change({ ...base, owner: n.objecttype, kind: "renamed", name: n.objecttype, oldName: o.objecttype, old: hex(o.value), new: hex(n.value), ...r }));
  }
  const facts = oldFacts(oldModel);
  for (const [o, n] of [...m.common, ...m.renamed]) out.push(...diffObjectType(o, n, oldModel, newModel, facts));
  return out;
}

function diffObjectType(o: ObjectTypeInfo, n: ObjectTypeInfo, oldModel: SaiModel, newModel: SaiModel, facts: OldFacts): Change[] {
  const out: Change[] = [];
  const owner = n.objecttype;
  const base = { section: "objects" as const, owner, subject: "object-type" as const, kind: "changed" as const, name: owner };
  if (o.value !== n.value && o.objecttype === n.objecttype)
    out.push(change({ ...base, field: "value", old: hex(o.value), new: hex(n.value), verdict: "abi-breaking", reason: "the object type's numeric value changed (it is encoded in every object id)" }));
  if (o.isnonobjectid !== n.isnonobjectid)
    out.push(change({ ...base, field: "isnonobjectid", old: String(o.isnonobjectid), new: String(n.isnonobjectid), verdict: "abi-breaking", reason: "switched between object-id and entry (struct key) addressing: every function signature changes" }));
  if (o.keystruct !== n.keystruct && o.keystruct !== null && n.keystruct !== null)
    out.push(change({ ...base, field: "keystruct", old: o.keystruct, new: n.keystruct, verdict: "source-breaking", reason: "the entry key struct was renamed" }));
  if ((o.api ?? "") !== (n.api ?? ""))
    out.push(change({ ...base, field: "api", old: o.api, new: n.api, verdict: "source-breaking", reason: "the object moved to another API table" }));
  out.push(...diffAttributes(o, n, oldModel, newModel, facts));
  if (o.isnonobjectid && n.isnonobjectid) out.push(...diffKeyMembers(owner, n.keystruct ?? "key", o.structmembers, n.structmembers));
  return out;
}

function attrsOf(o: ObjectTypeInfo, model: SaiModel): AttrMetadata[] {
  const byName = new Map(model.attributes.filter((a) => a.objecttype === o.objecttype).map((a) => [a.attridname, a]));
  return o.attributes.map((name) => byName.get(name)).filter((a): a is AttrMetadata => a !== undefined);
}

function enumOf(model: SaiModel, name: string): EnumMetadata | undefined {
  return model.enums.find((e) => e.name === name);
}

function diffAttributes(o: ObjectTypeInfo, n: ObjectTypeInfo, oldModel: SaiModel, newModel: SaiModel, facts: OldFacts): Change[] {
  const out: Change[] = [];
  const owner = n.objecttype;
  const base = { section: "objects" as const, owner, subject: "attribute" as const };
  const olds = attrsOf(o, oldModel);
  const news = attrsOf(n, newModel);
  const aliases = new Set((enumOf(newModel, n.attrenum)?.ignorevalues ?? []).map((v) => v.name));
  const m = matchByName(olds, news, (a) => a.attridname, (a) => String(a.attrid));
  const oldIds = new Map(olds.map((a) => [a.attrid, a.attridname]));
  for (const a of m.removed)
    out.push(change({ ...base, kind: "removed", name: a.attridname, old: hex(a.attrid), verdict: "abi-breaking", reason: `attribute id ${hex(a.attrid)} is no longer defined` }));
  for (const a of m.added) {
    const prev = oldIds.get(a.attrid);
    out.push(
      prev !== undefined
        ? change({ ...base, kind: "added", name: a.attridname, new: hex(a.attrid), verdict: "abi-breaking", reason: `reuses id ${hex(a.attrid)}, which was ${prev} in the old headers` })
        : change({ ...base, kind: "added", name: a.attridname, new: hex(a.attrid), verdict: "compatible", reason: "new attribute with a new id" }),
    );
  }
  for (const [a, b] of m.renamed)
    out.push(change({ ...base, kind: "renamed", name: b.attridname, oldName: a.attridname, old: hex(a.attrid), new: hex(b.attrid), ...renameRuling(aliases.has(a.attridname)) }));
  for (const [a, b] of [...m.common, ...m.renamed]) out.push(...diffAttribute(owner, a, b, facts));
  return out;
}

/** Field-by-field comparison of one attribute (same name, or renamed with the same id). */
export function diffAttribute(owner: string, a: AttrMetadata, b: AttrMetadata, facts: OldFacts): Change[] {
  const out: Change[] = [];
  const base = { section: "objects" as const, owner, subject: "attribute" as const, kind: "changed" as const, name: b.attridname };
  if (a.attrid !== b.attrid)
    out.push(change({ ...base, field: "id", old: hex(a.attrid), new: hex(b.attrid), verdict: "abi-breaking", reason: "the attribute id changed: old binaries send the old number" }));
  const da = defaultText(a);
  const db = defaultText(b);
  const retyped = a.attrvaluetype !== b.attrvaluetype;
  if (retyped) {
    // a new value type usually brings a new default spelling (0 → 0.0.0.0): one change, not two
    const withDefault = (t: string, d: string) => (da !== db ? `${valueTypeText(t)} (default ${d || "none"})` : valueTypeText(t));
    out.push(change({ ...base, field: "valuetype", old: withDefault(a.attrvaluetype, da), new: withDefault(b.attrvaluetype, db), verdict: "abi-breaking", reason: "the value type changed: old binaries read and write another member of sai_attribute_value_t" }));
  } else if (a.typestring !== b.typestring)
    out.push(change({ ...base, field: "type", old: a.typestring, new: b.typestring, verdict: "source-breaking", reason: "another C type behind the same value type: same bytes, different meaning or valid values" }));
  if (flagsText(a.flags) !== flagsText(b.flags))
    out.push(change({ ...base, field: "flags", old: flagsText(a.flags), new: flagsText(b.flags), ...flagsRuling(a.flags, b.flags) }));
  if (da !== db && !retyped) {
    const sameEnumValue =
      a.defaultvalue?.kind === "enum" && b.defaultvalue?.kind === "enum" && a.defaultvalue.value === b.defaultvalue.value;
    const r = sameEnumValue
      ? { verdict: "compatible" as const, reason: "the default names a renamed enumerator with the same value" }
      : da === ""
        ? { verdict: "compatible" as const, reason: "a default was added: omitting the attribute is now allowed" }
        : db === ""
          ? { verdict: "compatible" as const, reason: "the default was dropped together with a flags change (reported separately)" }
          : { verdict: "source-breaking" as const, reason: "objects created without this attribute now behave differently" };
    out.push(change({ ...base, field: "default", old: da || "(none)", new: db || "(none)", ...r }));
  }
  if (a.allowedobjecttypes.join(",") !== b.allowedobjecttypes.join(",")) {
    const same = [...a.allowedobjecttypes].sort().join(",") === [...b.allowedobjecttypes].sort().join(",");
    if (!same)
      out.push(change({ ...base, field: "objects", old: a.allowedobjecttypes.join(", "), new: b.allowedobjecttypes.join(", "), ...objectsRuling(a.allowedobjecttypes, b.allowedobjecttypes, b.isreadonly) }));
  }
  if (a.allownullobjectid !== b.allownullobjectid)
    out.push(change({ ...base, field: "allownull", old: String(a.allownullobjectid), new: String(b.allownullobjectid), ...permissionRuling("the null object id", a.allownullobjectid, b.allownullobjectid) }));
  if (a.allowemptylist !== b.allowemptylist)
    out.push(change({ ...base, field: "allowempty", old: String(a.allowemptylist), new: String(b.allowemptylist), ...permissionRuling("an empty list", a.allowemptylist, b.allowemptylist) }));
  const cf = conditionFacts({ type: a.conditiontype, list: a.conditions }, { type: b.conditiontype, list: b.conditions }, facts);
  if (cf.oldText !== cf.newText)
    out.push(change({ ...base, field: "condition", old: cf.oldText || "(none)", new: cf.newText || "(none)", ...conditionRuling(cf) }));
  const vf = conditionFacts({ type: a.validonlytype, list: a.validonly }, { type: b.validonlytype, list: b.validonly }, facts);
  if (vf.oldText !== vf.newText)
    out.push(change({ ...base, field: "validonly", old: vf.oldText || "(none)", new: vf.newText || "(none)", ...validOnlyRuling(vf) }));
  if (a.isconditionrelaxed !== b.isconditionrelaxed)
    out.push(change({ ...base, field: "relaxed", old: String(a.isconditionrelaxed), new: String(b.isconditionrelaxed), ...permissionRuling("omitting it when its condition is not met (@relaxed)", a.isconditionrelaxed, b.isconditionrelaxed) }));
  if (a.valueprecision !== b.valueprecision)
    out.push(change({ ...base, field: "precision", old: String(a.valueprecision), new: String(b.valueprecision), verdict: "source-breaking", reason: "the same number now means another decimal value" }));
  if ((a.pointerfn ?? "") !== (b.pointerfn ?? "") && a.attrvaluetype === b.attrvaluetype)
    out.push(change({ ...base, field: "pointerfn", old: a.pointerfn, new: b.pointerfn, verdict: "source-breaking", reason: "the callback type behind the pointer changed" }));
  if (a.isvlan !== b.isvlan)
    out.push(change({ ...base, field: "isvlan", old: String(a.isvlan), new: String(b.isvlan), verdict: "compatible", reason: "@isvlan is documentation only: it is never range-checked" }));
  if (a.isdeprecated !== b.isdeprecated)
    out.push(change({ ...base, field: "deprecated", old: String(a.isdeprecated), new: String(b.isdeprecated), verdict: "compatible", reason: "deprecation is advice; nothing changes for callers yet" }));
  if (a.isresourcetype !== b.isresourcetype)
    out.push(change({ ...base, field: "isresourcetype", old: String(a.isresourcetype), new: String(b.isresourcetype), verdict: "compatible", reason: "only affects resource availability queries" }));
  return out;
}

/**
 * Entry key members: any added, removed or moved member changes the key struct's size or offsets, which old
 * binaries bake into every call (bulk calls pass arrays of keys), so all of these are ABI-breaking.
 */
export function diffKeyMembers(owner: string, keystruct: string, olds: readonly KeyMember[], news: readonly KeyMember[]): Change[] {
  const out: Change[] = [];
  const base = { section: "objects" as const, owner, subject: "key-member" as const };
  const m = matchByName(olds, news, (k) => k.membername, (k) => `${k.offset}:${k.size}:${k.ctype}`);
  // members are named after their struct so that `dst_ip` reads as a key member, not an attribute
  const q = (k: KeyMember) => `${keystruct}.${k.membername}`;
  const at = (k: KeyMember) => `${k.ctype} @${k.offset}+${k.size}`;
  for (const k of m.removed)
    out.push(change({ ...base, kind: "removed", name: q(k), old: at(k), verdict: "abi-breaking", reason: "a key member was removed: the key struct layout changed" }));
  for (const k of m.added)
    out.push(change({ ...base, kind: "added", name: q(k), new: at(k), verdict: "abi-breaking", reason: "a key member was added: the key struct's size or offsets changed" }));
  for (const [a, b] of m.renamed)
    out.push(change({ ...base, kind: "renamed", name: q(b), oldName: q(a), old: at(a), new: at(b), ...renameRuling(false) }));
  for (const [a, b] of [...m.common, ...m.renamed]) {
    const c = { ...base, kind: "changed" as const, name: q(b) };
    if (a.offset !== b.offset || a.size !== b.size)
      out.push(change({ ...c, field: "layout", old: `offset ${a.offset}, size ${a.size}`, new: `offset ${b.offset}, size ${b.size}`, verdict: "abi-breaking", reason: "the member moved or changed size inside the key struct" }));
    if (a.membervaluetype !== b.membervaluetype)
      out.push(change({ ...c, field: "valuetype", old: `${a.ctype} (${valueTypeText(a.membervaluetype)})`, new: `${b.ctype} (${valueTypeText(b.membervaluetype)})`, verdict: "abi-breaking", reason: "the key member's type changed" }));
    else if (a.ctype !== b.ctype)
      out.push(change({ ...c, field: "type", old: a.ctype, new: b.ctype, verdict: "source-breaking", reason: "another C type with the same value type" }));
    if ([...a.allowedobjecttypes].sort().join(",") !== [...b.allowedobjecttypes].sort().join(","))
      out.push(change({ ...c, field: "objects", old: a.allowedobjecttypes.join(", "), new: b.allowedobjecttypes.join(", "), ...objectsRuling(a.allowedobjecttypes, b.allowedobjecttypes, false) }));
  }
  return out;
}
