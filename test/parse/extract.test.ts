import { describe, expect, it } from "vitest";
import { extractHeader, parseHeader } from "../../generator/parse/extract.js";
import { preprocess } from "../../generator/parse/preprocess.js";
import type { RawHeader } from "../../generator/parse/raw.js";

const F = "inc/saix.h";

/** Parses `src` along both extraction paths (text scanners and node walk) and checks they agree. */
function parse(src: string): RawHeader {
  const pp = preprocess(src, F);
  const fast = extractHeader(F, "inc", "saix.h", pp);
  const slow = extractHeader(F, "inc", "saix.h", pp, { scan: false });
  expect(fast).toEqual(slow);
  return fast;
}

const guarded = (body: string) => `#if !defined (__SAIX_H_)\n#define __SAIX_H_\n\n${body}\n#endif /** __SAIX_H_ */\n`;

describe("extract: enums", () => {
  const src = guarded(
    [
      "/**",
      " * @brief Attribute data for #SAI_X",
      " *",
      " * @flags strict",
      " */",
      "typedef enum _sai_x_t",
      "{",
      "    /** Start of range */",
      "    SAI_X_START,",
      "",
      "    /**",
      "     * @brief First",
      "     *",
      "     * @type bool",
      "     */",
      "    SAI_X_A = SAI_X_START,",
      "",
      "    SAI_X_B = 0x00000010, /**< trailing doc of B */",
      "    SAI_X_C = 1 << 3,",
      "    /* plain comment, not documentation */",
      "    SAI_X_D = (SAI_X_B +   SAI_X_C) /**< before the comma */,",
      "",
      "    /** Detached by a blank line */",
      "",
      "    SAI_X_E",
      "} sai_x_t;",
    ].join("\n"),
  );
  const h = parse(src);

  it("reads names, tag and initializer text", () => {
    expect(h.enums).toHaveLength(1);
    const e = h.enums[0]!;
    expect(e.name).toBe("sai_x_t");
    expect(e.tag).toBe("_sai_x_t");
    expect(e.enumerators.map((x) => [x.name, x.init])).toEqual([
      ["SAI_X_START", null],
      ["SAI_X_A", "SAI_X_START"],
      ["SAI_X_B", "0x00000010"],
      ["SAI_X_C", "1 << 3"],
      ["SAI_X_D", "(SAI_X_B + SAI_X_C)"],
      ["SAI_X_E", null],
    ]);
  });

  it("attributes doc comments: leading `/**`, trailing `/**<`, no plain or detached ones", () => {
    const e = h.enums[0]!;
    expect(e.doc?.brief).toBe("Attribute data for #SAI_X");
    expect(e.doc?.tags.map((t) => `${t.name} ${t.value}`)).toEqual(["flags strict"]);
    const docs = e.enumerators.map((x) => x.doc?.text ?? null);
    expect(docs).toEqual([
      "Start of range",
      "@brief First\n\n@type bool",
      "trailing doc of B",
      null,
      "before the comma",
      null,
    ]);
    expect(e.enumerators[1]!.doc!.tags[0]!.loc).toEqual({ file: F, line: 17, column: 8 });
  });

  it("gives exact 1-based locations", () => {
    const e = h.enums[0]!;
    expect(e.loc).toEqual({ file: F, line: 9, column: 1 });
    expect(e.doc!.loc).toEqual({ file: F, line: 4, column: 1 });
    expect(e.enumerators[0]!.loc).toEqual({ file: F, line: 12, column: 5 });
    expect(e.enumerators[3]!.loc).toEqual({ file: F, line: 22, column: 5 });
    expect(e.enumerators[2]!.doc!.loc).toEqual({ file: F, line: 21, column: 27 });
  });

  it("walks through preprocessor blocks inside an enum body", () => {
    const x = parse("typedef enum _e_t {\n    E_A,\n#ifdef X\n    /** doc */\n    E_B = 2,\n#endif\n    E_C\n} e_t;\n");
    expect(x.enums[0]!.enumerators.map((e) => e.name)).toEqual(["E_A", "E_B", "E_C"]);
    expect(x.enums[0]!.enumerators[1]!.doc?.text).toBe("doc");
  });

  it("reads CRLF files and a byte order mark the same way", () => {
    const crlf = parse(`\ufeff${src.replace(/\n/g, "\r\n")}`);
    expect(crlf.problems).toEqual([]);
    expect(crlf.enums).toEqual(h.enums);
  });

  it("reads an enum without typedef", () => {
    const x = parse("enum _e { E_A = 1 };\n");
    expect(x.enums).toEqual([
      { name: null, tag: "_e", enumerators: [{ name: "E_A", init: "1", doc: null, loc: { file: F, line: 1, column: 11 } }], doc: null, loc: { file: F, line: 1, column: 1 } },
    ]);
  });
});

describe("extract: structs and unions", () => {
  const src = [
    "/**",
    " * @brief Entry",
    " *",
    " * @extraparam sai_ip_addr_family_t addr_family",
    " */",
    "typedef struct _sai_x_entry_t",
    "{",
    "    /**",
    "     * @brief Switch ID",
    "     *",
    "     * @objects SAI_OBJECT_TYPE_SWITCH",
    "     */",
    "    sai_object_id_t switch_id;",
    "",
    "    sai_mac_t mac;",
    "    char name[32];",
    "    const sai_attribute_t **attr_list;",
    "    uint32_t count; /**< element count */",
    "    union {",
    "        uint32_t u32;",
    "        sai_ip6_t ip6;",
    "    } value;",
    "} sai_x_entry_t;",
    "",
    "typedef union _sai_u_t",
    "{",
    "    /** @validonly addr_family == SAI_IP_ADDR_FAMILY_IPV4 */",
    "    sai_ip4_t ip4;",
    "    uint8_t bytes[SAI_MAX_LEN];",
    "} sai_u_t;",
  ].join("\n");
  const h = parse(src);

  it("reads fields with type text, base type, pointers, const and array size", () => {
    const s = h.structs[0]!;
    expect([s.kind, s.name, s.tag]).toEqual(["struct", "sai_x_entry_t", "_sai_x_entry_t"]);
    expect(s.doc?.tags.map((t) => t.name)).toEqual(["extraparam"]);
    expect(s.fields.map((f) => [f.name, f.ctype, f.basetype, f.pointer, f.isconst, f.arraysize])).toEqual([
      ["switch_id", "sai_object_id_t", "sai_object_id_t", 0, false, null],
      ["mac", "sai_mac_t", "sai_mac_t", 0, false, null],
      ["name", "char[32]", "char", 0, false, "32"],
      ["attr_list", "const sai_attribute_t **", "sai_attribute_t", 2, true, null],
      ["count", "uint32_t", "uint32_t", 0, false, null],
      ["value", "union", "union", 0, false, null],
    ]);
    expect(s.fields[0]!.doc?.tags).toEqual([
      { name: "objects", value: "SAI_OBJECT_TYPE_SWITCH", loc: { file: F, line: 11, column: 8 }, continued: false },
    ]);
    expect(s.fields[1]!.doc).toBeNull(); // a blank line separates it from the comment above
    expect(s.fields[4]!.doc?.text).toBe("element count");
    expect(s.fields[2]!.loc).toEqual({ file: F, line: 16, column: 5 });
  });

  it("keeps an inline union body", () => {
    const inline = h.structs[0]!.fields[5]!.inline!;
    expect(inline.kind).toBe("union");
    expect(inline.name).toBeNull();
    expect(inline.fields.map((f) => [f.name, f.basetype])).toEqual([
      ["u32", "uint32_t"],
      ["ip6", "sai_ip6_t"],
    ]);
    expect(h.structs[0]!.fields[0]!.inline).toBeNull();
  });

  it("reads typedef'd unions", () => {
    const u = h.structs[1]!;
    expect([u.kind, u.name, u.tag]).toEqual(["union", "sai_u_t", "_sai_u_t"]);
    expect(u.fields[0]!.doc?.tags[0]).toMatchObject({ name: "validonly", value: "addr_family == SAI_IP_ADDR_FAMILY_IPV4" });
    expect(u.fields[1]).toMatchObject({ ctype: "uint8_t[SAI_MAX_LEN]", arraysize: "SAI_MAX_LEN" });
  });
});

describe("extract: function typedefs and functions", () => {
  const src = [
    "/**",
    " * @brief Create",
    " *",
    " * @param[out] x_id Id",
    " */",
    "typedef sai_status_t (*sai_create_x_fn)(",
    "        _Out_ sai_object_id_t *x_id,",
    "        _In_ sai_object_id_t switch_id,",
    "        _In_ uint32_t attr_count,",
    "        _In_ const sai_attribute_t *attr_list);",
    "",
    "typedef const char* (*sai_profile_get_value_fn)(",
    "        _In_ sai_switch_profile_id_t profile_id,",
    "        _In_ const char *variable);",
    "",
    "typedef void (*sai_x_notification_fn)(",
    "        _In_ uint32_t count,",
    "        _Inout_ sai_attribute_t **data,",
    "        sai_object_id_t plain);",
    "",
    "typedef void (*sai_none_fn)(void);",
    "",
    "sai_status_t sai_api_query(",
    "        _In_ sai_api_t api,",
    "        _Out_ void **api_method_table);",
    "",
    "sai_status_t sai_api_uninitialize(void);",
  ].join("\n");
  const h = parse(src);

  it("reads the nested function pointer name, return type and parameters with directions", () => {
    const [create, profile, notify, none] = h.functionTypedefs;
    expect(create!.name).toBe("sai_create_x_fn");
    expect(create!.returntype).toBe("sai_status_t");
    expect(create!.doc?.params).toEqual([{ name: "x_id", dir: "out", loc: { file: F, line: 4, column: 16 } }]);
    expect(create!.params.map((p) => [p.direction, p.ctype, p.basetype, p.pointer, p.isconst, p.name])).toEqual([
      ["out", "sai_object_id_t *", "sai_object_id_t", 1, false, "x_id"],
      ["in", "sai_object_id_t", "sai_object_id_t", 0, false, "switch_id"],
      ["in", "uint32_t", "uint32_t", 0, false, "attr_count"],
      ["in", "const sai_attribute_t *", "sai_attribute_t", 1, true, "attr_list"],
    ]);
    expect(create!.params[0]!.loc).toEqual({ file: F, line: 7, column: 15 });
    expect(profile!.name).toBe("sai_profile_get_value_fn");
    expect(profile!.returntype).toBe("const char *");
    expect(profile!.params[1]).toMatchObject({ ctype: "const char *", direction: "in" });
    expect(notify!.params.map((p) => [p.direction, p.ctype])).toEqual([
      ["in", "uint32_t"],
      ["inout", "sai_attribute_t **"],
      [null, "sai_object_id_t"],
    ]);
    expect(none).toMatchObject({ name: "sai_none_fn", returntype: "void", params: [] });
  });

  it("reads plain function declarations", () => {
    expect(h.functions.map((f) => [f.name, f.returntype, f.params.map((p) => `${p.direction} ${p.ctype} ${p.name}`)])).toEqual([
      ["sai_api_query", "sai_status_t", ["in sai_api_t api", "out void ** api_method_table"]],
      ["sai_api_uninitialize", "sai_status_t", []],
    ]);
  });

  it("reads unusual parameter shapes through the node walk", () => {
    const x = parse("typedef int (*f_fn)(\n    _In_ unsigned int n,\n    _In_ struct s *p,\n    _In_ char * const q,\n    _In_ int arr[4]);\n");
    expect(x.functionTypedefs[0]!.params.map((p) => [p.direction, p.ctype, p.name])).toEqual([
      ["in", "unsigned int", "n"],
      ["in", "struct s *", "p"],
      ["in", "char *", "q"],
      ["in", "int[4]", "arr"],
    ]);
  });
});

describe("extract: typedefs, defines, includes", () => {
  const src = [
    "#include <saitypes.h>",
    '#include "local.h"',
    "/** @brief Max */",
    "#define SAI_MAX   0x00000010L",
    "#define SAI_STATUS_CODE(_S_)    (-(_S_))",
    "#define SAI_VERSION(major, minor, revision) (10000 * (major) + \\",
    "    100 * (minor) + (revision))",
    '#define SAI_KEY_X "SAI_X"',
    "#define __SAIX_H_",
    "typedef uint32_t sai_uint32_t;",
    "typedef uint8_t  sai_mac_t[6];",
    "typedef void *sai_pointer_t;",
    "typedef struct _sai_fwd_t sai_fwd_t;",
  ].join("\n");
  const h = parse(src);

  it("reads #defines, object-like and function-like", () => {
    expect(h.defines.map((d) => [d.name, d.params, d.body])).toEqual([
      ["SAI_MAX", null, "0x00000010L"],
      ["SAI_STATUS_CODE", ["_S_"], "(-(_S_))"],
      ["SAI_VERSION", ["major", "minor", "revision"], "(10000 * (major) +      100 * (minor) + (revision))"],
      ["SAI_KEY_X", null, '"SAI_X"'],
      ["__SAIX_H_", null, ""],
    ]);
    expect(h.defines[0]!.doc?.brief).toBe("Max");
    expect(h.defines[1]!.loc).toEqual({ file: F, line: 5, column: 1 });
  });

  it("reads plain typedefs", () => {
    expect(h.typedefs.map((t) => [t.name, t.ctype, t.basetype, t.pointer, t.arraysize])).toEqual([
      ["sai_uint32_t", "uint32_t", "uint32_t", 0, null],
      ["sai_mac_t", "uint8_t[6]", "uint8_t", 0, "6"],
      ["sai_pointer_t", "void *", "void", 1, null],
      ["sai_fwd_t", "struct _sai_fwd_t", "_sai_fwd_t", 0, null],
    ]);
  });

  it("reads #include targets", () => {
    expect(h.includes).toEqual([
      { target: "saitypes.h", angled: true, loc: { file: F, line: 1, column: 1 } },
      { target: "local.h", angled: false, loc: { file: F, line: 2, column: 1 } },
    ]);
  });

  it("counts lines", () => {
    expect(h.lines).toBe(13);
    expect(parse("a;\nb;\n").lines).toBe(2);
    expect(parse("").lines).toBe(0);
  });
});

describe("extract: syntax problems", () => {
  it("reports ERROR nodes with their location and text, and keeps what it can read", () => {
    const h = parseHeader(F, "inc", "saix.h", "typedef enum _e_t\n{\n    E_A = ,\n    E_B\n} e_t;\n\ntypedef uint32_t ok_t;\n");
    expect(h.problems.length).toBeGreaterThan(0);
    expect(h.problems[0]).toMatchObject({ severity: "error", code: "syntax", loc: { file: F, line: 3 } });
    expect(h.problems[0]!.message).toMatch(/^cannot parse: `.*`$/);
    expect(h.typedefs.map((t) => t.name)).toContain("ok_t");
  });

  it("reports MISSING tokens", () => {
    const h = parseHeader(F, "inc", "saix.h", "typedef struct _s_t\n{\n    uint32_t a;\n} s_t\n\ntypedef uint32_t ok_t;\n");
    expect(h.problems.map((p) => p.message)).toContain("missing `;`");
  });

  it("parses annotated SAI parameter lists without problems", () => {
    const h = parseHeader(F, "inc", "saix.h", "typedef void (*f_fn)(\n    _In_ uint32_t a,\n    _Out_ uint32_t *b);\n");
    expect(h.problems).toEqual([]);
  });
});
