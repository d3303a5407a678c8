/**
 * Object types, their attributes and their entry key members: the "objects" section of a diff.
 *
 * Object types are paired by name, then renames by numeric value; attributes of a paired object by name, then
 * renames by attribute id; key members by name, then renames by (offset, size, C type).
 */
import type { AttrMetadata, EnumMetadata, KeyMember, ObjectTypeInfo, SaiModel } from "../model/types.js";
import { change, hex, matchByName, type Change } from "./change.js";
import { conditionText, defaultText, valueTypeText } from "./text.js";
import {
  conditionRuling,
  flagsRuling,
  flagsText,
  objectsRuling,
  permissionRuling,
  renameRuling,
  validOnlyRuling,
} from "./verdict.js";

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
  for (const [o, n] of [...m.common, ...m.renamed]) out.push(...diffObjectType(o, n, oldModel, newModel));
  return out;
}

function diffObjectType(o: ObjectTypeInfo, n: ObjectTypeInfo, oldModel: SaiModel, newModel: SaiModel): Change[] {
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
  out.push(...diffAttributes(o, n, oldModel, newModel));
  if (o.isnonobjectid && n.isnonobjectid) out.push(...diffKeyMembers(owner, o.structmembers, n.structmembers));
  return out;
}

function attrsOf(o: ObjectTypeInfo, model: SaiModel): AttrMetadata[] {
  const byName = new Map(model.attributes.filter((a) => a.objecttype === o.objecttype).map((a) => [a.attridname, a]));
  return o.attributes.map((name) => byName.get(name)).filter((a): a is AttrMetadata => a !== undefined);
}

function enumOf(model: SaiModel, name: string): EnumMetadata | undefined {
  return model.enums.find((e) => e.name === name);
}

function diffAttributes(o: ObjectTypeInfo, n: ObjectTypeInfo, oldModel: SaiModel, newModel: SaiModel): Change[] {
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
  for (const [a, b] of [...m.common, ...m.renamed]) out.push(...diffAttribute(owner, a, b));
  return out;
}

/** Field-by-field comparison of one attribute (same name, or renamed with the same id). */
export function diffAttribute(owner: string, a: AttrMetadata, b: AttrMetadata): Change[] {
  const out: Change[] = [];
  const base = { section: "objects" as const, owner, subject: "attribute" as const, kind: "changed" as const, name: b.attridname };
  if (a.attrid !== b.attrid)
    out.push(change({ ...base, field: "id", old: hex(a.attrid), new: hex(b.attrid), verdict: "abi-breaking", reason: "the attribute id changed: old binaries send the old number" }));
  if (a.attrvaluetype !== b.attrvaluetype)
    out.push(change({ ...base, field: "valuetype", old: valueTypeText(a.attrvaluetype), new: valueTypeText(b.attrvaluetype), verdict: "abi-breaking", reason: "the value type changed: old binaries read and write another member of sai_attribute_value_t" }));
  else if (a.typestring !== b.typestring)
    out.push(change({ ...base, field: "type", old: a.typestring, new: b.typestring, verdict: "source-breaking", reason: "another C type behind the same value type: same bytes, different meaning or valid values" }));
  if (flagsText(a.flags) !== flagsText(b.flags))
    out.push(change({ ...base, field: "flags", old: flagsText(a.flags), new: flagsText(b.flags), ...flagsRuling(a.flags, b.flags) }));
  const da = defaultText(a);
  const db = defaultText(b);
  if (da !== db) {
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
  const ca = conditionText(a.conditiontype, a.conditions);
  const cb = conditionText(b.conditiontype, b.conditions);
  if (ca !== cb) out.push(change({ ...base, field: "condition", old: ca || "(none)", new: cb || "(none)", ...conditionRuling(ca, cb) }));
  const va = conditionText(a.validonlytype, a.validonly);
  const vb = conditionText(b.validonlytype, b.validonly);
  if (va !== vb) out.push(change({ ...base, field: "validonly", old: va || "(none)", new: vb || "(none)", ...validOnlyRuling(va, vb) }));
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
export function diffKeyMembers(owner: string, olds: readonly KeyMember[], news: readonly KeyMember[]): Change[] {
  const out: Change[] = [];
  const base = { section: "objects" as const, owner, subject: "key-member" as const };
  const m = matchByName(olds, news, (k) => k.membername, (k) => `${k.offset}:${k.size}:${k.ctype}`);
  const at = (k: KeyMember) => `${k.ctype} @${k.offset}+${k.size}`;
  for (const k of m.removed)
    out.push(change({ ...base, kind: "removed", name: k.membername, old: at(k), verdict: "abi-breaking", reason: "a key member was removed: the key struct layout changed" }));
  for (const k of m.added)
    out.push(change({ ...base, kind: "added", name: k.membername, new: at(k), verdict: "abi-breaking", reason: "a key member was added: the key struct's size or offsets changed" }));
  for (const [a, b] of m.renamed)
    out.push(change({ ...base, kind: "renamed", name: b.membername, oldName: a.membername, old: at(a), new: at(b), ...renameRuling(false) }));
  for (const [a, b] of [...m.common, ...m.renamed]) {
    const c = { ...base, kind: "changed" as const, name: b.membername };
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
