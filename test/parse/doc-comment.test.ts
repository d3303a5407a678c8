import { describe, expect, it } from "vitest";
import { parseDocComment } from "../../generator/parse/doc-comment.js";

const F = "x.h";
const at = (line: number, column: number) => ({ file: F, line, column });

describe("parseDocComment (SAI-METADATA.md §1.9)", () => {
  // Written as it appears inside an enum body: indented by four, starting on line 10.
  const attr = [
    "/**",
    "     * @brief Action parameter  flow TTL",
    "     *        in milliseconds",
    "     *",
    "     * Longer description, not part of the brief.",
    "     *",
    "     * @type sai_uint32_t",
    "     * @flags   CREATE_AND_SET",
    "     * @default 0",
    "     * @condition SAI_X_ATTR_A == true or",
    "     *     SAI_X_ATTR_B == true",
    "     * @deprecated true",
    "     * @isvlan",
    "     */",
  ].join("\n");
  const doc = parseDocComment(attr, F, 10, 5);

  it("reads the brief up to the first blank line, whitespace collapsed", () => {
    expect(doc.brief).toBe("Action parameter flow TTL in milliseconds");
    expect(doc.briefLoc).toEqual(at(11, 15));
    expect(doc.loc).toEqual(at(10, 5));
  });

  it("returns every metadata tag, @deprecated included, with the location of its @", () => {
    expect(doc.tags.map((t) => [t.name, t.value])).toEqual([
      ["type", "sai_uint32_t"],
      ["flags", "CREATE_AND_SET"],
      ["default", "0"],
      ["condition", "SAI_X_ATTR_A == true or"],
      ["deprecated", "true"],
      ["isvlan", ""],
    ]);
    expect(doc.tags[0]!.loc).toEqual(at(16, 8));
    expect(doc.tags[1]!.loc).toEqual(at(17, 8));
  });

  it("flags a tag whose value continues on the next line", () => {
    expect(doc.tags.map((t) => t.continued)).toEqual([false, false, false, true, false, false]);
  });

  it("keeps the text without delimiters and decoration", () => {
    expect(doc.text.split("\n").slice(0, 4)).toEqual([
      "@brief Action parameter  flow TTL",
      "       in milliseconds",
      "",
      "Longer description, not part of the brief.",
    ]);
    expect(doc.text.endsWith("@isvlan")).toBe(true);
  });

  it("does not report plain Doxygen commands as tags but keeps unknown ones", () => {
    const d = parseDocComment(
      "/**\n * @file saix.h\n *\n * @brief X\n *\n * @warning experimental\n * @defgroup G\n * @{\n * @typo FOO\n */",
      F,
      1,
      1,
    );
    expect(d.tags.map((t) => t.name)).toEqual(["typo"]);
    expect(d.brief).toBe("X");
  });

  it("ends the brief at a tag line even without a blank line", () => {
    const d = parseDocComment("/**\n * @brief Start\n * @type bool\n */", F, 1, 1);
    expect(d.brief).toBe("Start");
    expect(d.tags).toEqual([{ name: "type", value: "bool", loc: at(3, 4), continued: false }]);
  });

  it("reads @param lines with their direction", () => {
    const d = parseDocComment(
      "/**\n * @brief Create\n *\n * @param[out] id Entry id\n * @param[in] switch_id Switch id\n * @param[in,out] list List\n * @param bare No direction\n *\n * @return #SAI_STATUS_SUCCESS\n */",
      F,
      20,
      1,
    );
    expect(d.params).toEqual([
      { name: "id", dir: "out", loc: at(23, 16) },
      { name: "switch_id", dir: "in", loc: at(24, 15) },
      { name: "list", dir: "inout", loc: at(25, 19) },
      { name: "bare", dir: null, loc: at(26, 11) },
    ]);
    expect(d.tags).toEqual([]);
  });

  it("handles one-line and trailing `/**<` comments", () => {
    const t = parseDocComment("/**< Port */", F, 3, 22);
    expect(t.brief).toBe("");
    expect(t.text).toBe("Port");
    expect(t.loc).toEqual(at(3, 22));
    const one = parseDocComment("/** @brief Switch @ignore */", F, 7, 9);
    expect(one.brief).toBe("Switch @ignore");
    const tagged = parseDocComment("/**< @ignore */", F, 7, 9);
    expect(tagged.tags).toEqual([{ name: "ignore", value: "", loc: at(7, 14), continued: false }]);
  });

  it("places the brief location on the next line when @brief stands alone", () => {
    const d = parseDocComment("/**\n * @brief\n *   Text here\n */", F, 1, 1);
    expect(d.brief).toBe("Text here");
    expect(d.briefLoc).toEqual(at(3, 6));
  });

  it("without @brief the brief is empty and located at the comment", () => {
    const d = parseDocComment("/** Custom range base value */", F, 4, 5);
    expect(d.brief).toBe("");
    expect(d.briefLoc).toEqual(at(4, 5));
  });

  it("treats CRLF line ends like LF", () => {
    const d = parseDocComment("/**\r\n * @brief A\r\n *\r\n * @type bool\r\n */", F, 1, 1);
    expect(d.brief).toBe("A");
    expect(d.tags[0]!.value).toBe("bool");
    expect(d.text).toBe("@brief A\n\n@type bool");
  });
});
