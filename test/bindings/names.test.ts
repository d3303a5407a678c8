/**
 * The naming module (`generator/emit/names.ts`): C → TypeScript name rules, reserved words, and clash suffixes.
 * Every exported name of the generated package must be unique, because `src/index.ts` re-exports all modules with
 * `export *`; these tests build clashes on purpose and check the real header sets have none.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NameRegistry, RESERVED_WORDS, packageNames, pascalCase, propertyKey, safeIdentifier, type PackageNames } from "../../generator/emit/names.js";
import { runtimeExportNames } from "../../generator/emit/ts-plan.js";
import type { SaiModel } from "../../generator/model/types.js";
import { runPipeline } from "../../generator/pipeline.js";

/** Every name a plan makes the package export. */
function exportedNames(p: PackageNames): string[] {
  const out: string[] = [];
  for (const e of p.enums.values()) out.push(e.name, ...(e.flags ? [e.flags] : []));
  for (const o of p.objects.values()) out.push(o.attrName, o.values, o.create, o.set, o.get, o.attr, ...(o.key ? [o.key] : []));
  for (const a of p.apis.values()) out.push(a.iface);
  for (const n of p.notifications.values()) out.push(n.callback);
  out.push(...p.structs.values(), p.status.type, p.status.name, ...p.status.constants.values());
  for (const r of p.status.rangeHelpers.values()) out.push(r.index, r.is);
  out.push(...Object.values(p.metadata));
  return out;
}

/** A model with only the fields naming reads. */
function tinyModel(parts: Partial<Record<"objects" | "enums" | "structs" | "notifications" | "apis", string[]>>): SaiModel {
  return {
    headers: { files: [], sha256: "" },
    objectTypes: (parts.objects ?? []).map((o) => ({ objecttype: `SAI_OBJECT_TYPE_${o}`, attrenum: `sai_${o.toLowerCase()}_attr_t`, keystruct: null })),
    attributes: [],
    enums: (parts.enums ?? []).map((name) => ({ name, flagstype: "SAI_ENUM_FLAGS_TYPE_STRICT" })),
    structs: (parts.structs ?? []).map((name) => ({ name, kind: "struct", members: [] })),
    functions: [],
    apis: (parts.apis ?? []).map((stem) => ({ name: `sai_${stem}_api_t`, stem })),
    notifications: (parts.notifications ?? []).map((name) => ({
      name,
      fntype: `sai_${name}_notification_fn`,
      params: (parts.structs ?? []).map((s) => ({ basetype: s })),
    })),
    statusCodes: [],
    defines: [],
    switchPointers: [],
  } as unknown as SaiModel;
}

describe("identifier rules", () => {
  const table: [string, string][] = [
    ["switch_id", "switch_id"],
    ["default", "default_"],
    ["class", "class_"],
    ["type", "type_"],
    ["number", "number_"],
    ["1st", "_1st"],
    ["a-b", "a_b"],
    ["sai_flow_entry_t", "sai_flow_entry_t"],
  ];
  for (const [given, want] of table) it(`safeIdentifier(${given}) = ${want}`, () => expect(safeIdentifier(given)).toBe(want));

  it("quotes property keys only where needed", () => {
    expect(propertyKey("SAI_FLOW_ENTRY_ATTR_VERSION")).toBe("SAI_FLOW_ENTRY_ATTR_VERSION");
    expect(propertyKey("default")).toBe("default");
    expect(propertyKey("__proto__")).toBe('"__proto__"');
    expect(propertyKey("a-b")).toBe('"a-b"');
  });

  it("builds PascalCase from C stems", () => {
    expect(pascalCase("FLOW_ENTRY_BULK_GET_SESSION")).toBe("FlowEntryBulkGetSession");
    expect(pascalCase("dash_flow")).toBe("DashFlow");
    expect(pascalCase("ipmc_entry")).toBe("IpmcEntry");
  });

  it("never hands out a reserved word", () => {
    const r = new NameRegistry();
    for (const w of RESERVED_WORDS) expect(RESERVED_WORDS.has(r.claim(w, "test"))).toBe(false);
  });
});

describe("name clashes", () => {
  it("suffix later claimants in claim order", () => {
    const r = new NameRegistry();
    expect(r.claim("FooAttr", "object FOO")).toBe("FooAttr");
    expect(r.claim("FooAttr", "object FOO_ATTR")).toBe("FooAttr_2");
    expect(r.claim("FooAttr", "third")).toBe("FooAttr_3");
    expect(r.clashes).toEqual(["FooAttr: object FOO / object FOO_ATTR", "FooAttr: object FOO / third"]);
  });

  it("keep runtime exports and C names, suffix invented names", () => {
    // object X's set type and object SET_X's attribute union are both `SetXAttr`; struct sai_result_t meets the
    // runtime's `Result`; objects FOO__BAR and FOO_BAR share a PascalCase stem
    const p = packageNames(
      tinyModel({ objects: ["X", "SET_X", "FOO_BAR", "FOO__BAR"], enums: ["sai_x_attr_t"], structs: ["sai_result_t"], notifications: ["result"], apis: ["x"] }),
      ["Result", "ObjectId"],
    );
    expect(p.objects.get("SAI_OBJECT_TYPE_X")!.set).toBe("SetXAttr");
    expect(p.objects.get("SAI_OBJECT_TYPE_SET_X")!.attr).toBe("SetXAttr_2");
    expect(p.objects.get("SAI_OBJECT_TYPE_X")!.attrEnum).toBe("sai_x_attr_t");
    expect(p.structs.get("sai_result_t")).toBe("Result_2");
    expect(p.objects.get("SAI_OBJECT_TYPE_FOO__BAR")!.create).toBe("CreateFooBarAttrs_2");
    const names = exportedNames(p);
    expect(new Set(names).size).toBe(names.length);
    expect(p.registry.clashes.length).toBeGreaterThan(0);
  });

  it("the shipped headers need no suffix and export unique names", () => {
    const p = packageNames(runPipeline(["sai-headers"]).model, runtimeExportNames());
    const names = exportedNames(p);
    expect(p.registry.clashes).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(safeIdentifier(n)).toBe(n);
  });

  const upstream = ["/work/upstream-sai/inc", "/work/upstream-sai/experimental"];
  it.skipIf(!upstream.every((d) => existsSync(d)))("the full upstream SAI tree has one known clash (local check)", () => {
    const p = packageNames(runPipeline(upstream).model, runtimeExportNames());
    const names = exportedNames(p);
    // NAT_ENTRY's key (`sai_nat_entry_t`) meets the runtime's shape of `sai_nat_entry_key_t`: the key type becomes
    // NatEntryKey_2. A new entry here means a new clash to look at.
    expect(p.registry.clashes).toEqual(["NatEntryKey: runtime/v1 / object SAI_OBJECT_TYPE_NAT_ENTRY"]);
    expect(p.objects.get("SAI_OBJECT_TYPE_NAT_ENTRY")!.key).toBe("NatEntryKey_2");
    expect(new Set(names).size).toBe(names.length);
  });
});
