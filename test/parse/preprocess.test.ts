import { describe, expect, it } from "vitest";
import { annotationIn, preprocess } from "../../generator/parse/preprocess.js";

const lines = (s: string) => s.split("\n");

describe("preprocess: annotations (SAI-METADATA.md §0 item 7)", () => {
  const src = [
    "#define _In_",
    "#define _Inout_",
    "/** @param[in] x _In_ stays in comments */",
    "typedef sai_status_t (*sai_x_fn)(",
    "        _Out_ sai_object_id_t *id,",
    "        _In_ uint32_t attr_count,",
    "        _Inout_ sai_attribute_t *attr_list);",
    'const char *s = "_In_";',
    "int my_In_var; int _In_x;",
  ].join("\n");
  const pp = preprocess(src, "x.h");

  it("keeps length, line breaks and every other character", () => {
    expect(pp.text.length).toBe(src.length);
    expect(lines(pp.text).map((l) => l.length)).toEqual(lines(src).map((l) => l.length));
    for (let i = 0; i < src.length; i++) if (pp.text[i] !== src[i]) expect(pp.text[i]).toBe(" ");
  });

  it("blanks the parameter annotations only", () => {
    const out = lines(pp.text);
    expect(out[4]).toBe("              sai_object_id_t *id,");
    expect(out[5]).toBe("             uint32_t attr_count,");
    expect(out[6]).toBe("                sai_attribute_t *attr_list);");
  });

  it("leaves #define lines, comments, strings and longer identifiers alone", () => {
    const out = lines(pp.text);
    expect(out[0]).toBe("#define _In_");
    expect(out[1]).toBe("#define _Inout_");
    expect(out[2]).toBe(lines(src)[2]);
    expect(out[7]).toBe(lines(src)[7]);
    expect(out[8]).toBe(lines(src)[8]);
  });

  it("records the direction of each blanked annotation by offset", () => {
    expect(pp.annotationDirs).toEqual(["out", "in", "inout"]);
    const id = src.indexOf("_Out_");
    expect(pp.annotationStarts[0]).toBe(id);
    expect(annotationIn(pp, id - 8, id + 20)).toBe("out");
    expect(annotationIn(pp, 0, id)).toBeNull();
    expect(annotationIn(pp, src.indexOf("_In_ uint32_t"), src.length)).toBe("in");
  });

  it("skips continuation lines of a #define", () => {
    const p = preprocess("#define X(a) \\\n    _In_ a\nvoid f(_In_ int a);", "x.h");
    expect(p.text).toBe("#define X(a) \\\n    _In_ a\nvoid f(     int a);");
  });
});

describe("preprocess: _WIN32 branches", () => {
  it("keeps only the #else branch of #if defined(_WIN32), with lines in place", () => {
    const src = [
      "#if !defined (__SAITYPES_H_)",
      "#if defined(_WIN32)",
      "typedef UINT8 uint8_t;",
      "#if !defined(__BOOL_DEFINED)",
      "typedef enum { false, true } BOOL;",
      "#endif /* __BOOL_DEFINED */",
      "#else /* #if defined(_WIN32) */",
      "#include <stdint.h>",
      "typedef uint8_t sai_cos_t;",
      "#endif /* _WIN32 */",
      "typedef uint32_t sai_uint32_t;",
      "#endif",
    ].join("\n");
    const pp = preprocess(src, "saitypes.h");
    expect(pp.text.length).toBe(src.length);
    const out = lines(pp.text);
    expect(out.length).toBe(12);
    for (const i of [1, 2, 3, 4, 5, 6, 9]) expect(out[i]!.trim()).toBe("");
    expect(out[0]).toBe("#if !defined (__SAITYPES_H_)");
    expect(out[7]).toBe("#include <stdint.h>");
    expect(out[8]).toBe("typedef uint8_t sai_cos_t;");
    expect(out[10]).toBe("typedef uint32_t sai_uint32_t;");
    expect(out[11]).toBe("#endif");
    expect(pp.problems).toEqual([]);
  });

  it("handles #ifdef _WIN32 without #else, and the negated forms", () => {
    expect(preprocess("#ifdef _WIN32\nA\n#endif\nB", "x.h").text).toBe("             \n \n      \nB");
    expect(preprocess("#ifndef _WIN32\nA\n#else\nW\n#endif", "x.h").text).toBe("              \nA\n     \n \n      ");
  });

  it("turns a following #elif into the live #if", () => {
    const pp = preprocess("#ifdef _WIN32\nW\n#elif defined(X)\nA\n#else\nB\n#endif", "x.h");
    expect(pp.text).toBe("             \n \n#if   defined(X)\nA\n#else\nB\n#endif");
  });

  it("reports a _WIN32 block without #endif", () => {
    const pp = preprocess("x\n#ifdef _WIN32\nW\n", "x.h");
    expect(pp.problems).toEqual([
      { severity: "error", code: "syntax", message: "`#ifdef _WIN32` has no matching #endif", loc: { file: "x.h", line: 2, column: 1 } },
    ]);
  });
});
