/**
 * The real SAI tree, when a copy sits at /work/upstream-sai (CI has none: the suite is skipped there).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractHeader } from "../../generator/parse/extract.js";
import { parseHeaders } from "../../generator/parse/index.js";
import { preprocess } from "../../generator/parse/preprocess.js";
import type { RawDoc, RawHeader } from "../../generator/parse/raw.js";

const ROOT = "/work/upstream-sai";
const DIRS = [`${ROOT}/inc`, `${ROOT}/experimental`];
const present = DIRS.every((d) => existsSync(d));

function allDocs(h: RawHeader): RawDoc[] {
  const docs: (RawDoc | null)[] = [];
  for (const e of h.enums) docs.push(e.doc, ...e.enumerators.map((x) => x.doc));
  for (const s of h.structs) docs.push(s.doc, ...s.fields.map((f) => f.doc));
  for (const x of [...h.functionTypedefs, ...h.typedefs, ...h.defines, ...h.functions]) docs.push(x.doc);
  return docs.filter((d): d is RawDoc => d !== null);
}

describe.skipIf(!present)("upstream SAI headers", () => {
  const { headers, problems } = present ? parseHeaders(DIRS) : { headers: [], problems: [] };
  const byName = new Map(headers.map((h) => [h.basename, h]));

  it("parses all 84 headers without a single problem", () => {
    expect(headers).toHaveLength(84);
    expect(problems).toEqual([]);
    expect(headers.reduce((n, h) => n + h.lines, 0)).toBeGreaterThan(54000);
  });

  it("reads sai_flow_entry_attr_t with all 38 enumerators, range markers included", () => {
    const e = byName.get("saiexperimentaldashflow.h")!.enums.find((x) => x.name === "sai_flow_entry_attr_t")!;
    expect(e.tag).toBe("_sai_flow_entry_attr_t");
    const names = e.enumerators.map((x) => x.name);
    expect(names).toHaveLength(38);
    expect(names[0]).toBe("SAI_FLOW_ENTRY_ATTR_START");
    expect(e.enumerators[1]).toMatchObject({ name: "SAI_FLOW_ENTRY_ATTR_ACTION", init: "SAI_FLOW_ENTRY_ATTR_START" });
    expect(e.enumerators[1]!.doc!.tags.map((t) => t.name)).toEqual(["type", "flags", "default"]);
    expect(names.slice(-3)).toEqual(["SAI_FLOW_ENTRY_ATTR_END", "SAI_FLOW_ENTRY_ATTR_CUSTOM_RANGE_START", "SAI_FLOW_ENTRY_ATTR_CUSTOM_RANGE_END"]);
    expect(e.enumerators.at(-2)!.init).toBe("0x10000000");
  });

  it("reads the members of sai_dash_flow_api_t", () => {
    const api = byName.get("saiexperimentaldashflow.h")!.structs.find((s) => s.name === "sai_dash_flow_api_t")!;
    expect(api.fields).toHaveLength(24);
    expect(api.fields[0]).toMatchObject({ name: "create_flow_table", basetype: "sai_create_flow_table_fn", pointer: 0 });
    expect(api.fields.map((f) => f.name)).toContain("create_flow_entries");
    expect(api.fields.find((f) => f.name === "create_flow_entries")!.basetype).toBe("sai_bulk_create_flow_entry_fn");
  });

  it("reads notification parameters with their directions", () => {
    const fn = headers.flatMap((h) => h.functionTypedefs).find((f) => f.name === "sai_flow_bulk_get_session_event_notification_fn")!;
    expect(fn.returntype).toBe("void");
    expect(fn.params.map((p) => [p.name, p.direction])).toEqual([
      ["flow_bulk_session_id", "in"],
      ["count", "in"],
      ["data", "in"],
    ]);
    expect(fn.params[2]).toMatchObject({ basetype: "sai_flow_bulk_get_session_event_data_t", pointer: 1, isconst: true });
    expect(fn.doc!.tags).toEqual([expect.objectContaining({ name: "count", value: "data[count]" })]);
  });

  it("gives every parameter of every function typedef a direction", () => {
    const params = headers.flatMap((h) => h.functionTypedefs.flatMap((f) => f.params));
    expect(params.length).toBeGreaterThan(2000);
    expect(params.filter((p) => p.direction === null)).toEqual([]);
  });

  it("attaches every metadata tag in the text to some declaration", () => {
    for (const tag of ["type", "flags", "default", "objects", "validonly", "condition", "count"]) {
      const re = new RegExp(`^\\s*(?:/\\*\\*<?|\\*)\\s*@${tag}\\b`, "gm");
      let inText = 0;
      for (const h of headers) inText += readFileSync(h.file, "utf8").match(re)?.length ?? 0;
      const parsed = headers.reduce((n, h) => n + allDocs(h).reduce((k, d) => k + d.tags.filter((t) => t.name === tag).length, 0), 0);
      expect([tag, parsed]).toEqual([tag, inText]);
    }
  });

  it("documents sai_object_type_t values with their trailing `/**<` comments", () => {
    const e = byName.get("saitypes.h")!.enums.find((x) => x.name === "sai_object_type_t")!;
    expect(e.enumerators[0]).toMatchObject({ name: "SAI_OBJECT_TYPE_NULL", init: "0" });
    expect(e.enumerators[0]!.doc!.text).toBe("invalid object type");
  });

  it("sees only the non-Windows branch of saitypes.h", () => {
    const t = byName.get("saitypes.h")!;
    expect(t.typedefs.filter((x) => x.name === "sai_status_t")).toEqual([expect.objectContaining({ ctype: "int32_t" })]);
    expect(t.typedefs.find((x) => x.name === "sai_mac_t")).toMatchObject({ basetype: "uint8_t", arraysize: "6" });
    const status = byName.get("saistatus.h")!.defines.filter((d) => d.name === "SAI_STATUS_CODE");
    expect(status.map((d) => d.body)).toEqual(["(-(_S_))"]);
  });

  it("gets the same records from the text scanners and from the node walk", () => {
    for (const h of headers) {
      const pp = preprocess(readFileSync(h.file, "utf8"), h.file);
      const slow = extractHeader(h.file, h.dir, h.basename, pp, { scan: false });
      expect({ ...slow, sha256: h.sha256 }).toEqual(h);
    }
  });
});
