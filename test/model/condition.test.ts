import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCondition, type RawConditionItem } from "../../generator/model/condition.js";

const show = (items: RawConditionItem[]) => items.map((i) => (i.kind === "operand" ? `${i.attr}=${i.value}` : i.op.toUpperCase()));

describe("parseCondition", () => {
  const ok: [string, string, string[]][] = [
    ["single", "SAI_FOO_ATTR_A == SAI_FOO_X", ["SAI_FOO_ATTR_A=SAI_FOO_X"]],
    ["and", "SAI_FOO_ATTR_EN == true and SAI_FOO_ATTR_N == 5", ["SAI_FOO_ATTR_EN=true", "SAI_FOO_ATTR_N=5"]],
    ["or", "SAI_FOO_ATTR_A == 1 or SAI_FOO_ATTR_A == 0x10", ["SAI_FOO_ATTR_A=1", "SAI_FOO_ATTR_A=0x10"]],
    ["mixed, implied outer parentheses (M14)", "SAI_F_ATTR_A == SAI_X and (SAI_F_ATTR_B == SAI_Y or SAI_F_ATTR_B == SAI_Z)", ["SAI_F_ATTR_A=SAI_X", "SAI_F_ATTR_B=SAI_Y", "SAI_F_ATTR_B=SAI_Z", "OR", "AND"]],
    ["mixed, leading group (M15)", "(SAI_F_ATTR_A == SAI_X and SAI_F_ATTR_B == SAI_Y) or SAI_F_ATTR_C == true", ["SAI_F_ATTR_A=SAI_X", "SAI_F_ATTR_B=SAI_Y", "AND", "SAI_F_ATTR_C=true", "OR"]],
  ];
  for (const [name, text, want] of ok)
    it(name, () => {
      const r = parseCondition(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(show(r.items)).toEqual(want);
    });

  it("types the expression", () => {
    const type = (t: string) => (parseCondition(t) as { type: string }).type;
    expect(type("SAI_F_ATTR_A == 1")).toBe("SAI_ATTR_CONDITION_TYPE_OR");
    expect(type("SAI_F_ATTR_A == 1 and SAI_F_ATTR_B == 2")).toBe("SAI_ATTR_CONDITION_TYPE_AND");
    expect(type("SAI_F_ATTR_A == 1 and (SAI_F_ATTR_B == 2 or SAI_F_ATTR_B == 3)")).toBe("SAI_ATTR_CONDITION_TYPE_MIXED");
  });

  const bad: [string, string, RegExp][] = [
    ["mixed without parentheses (M16)", "SAI_F_ATTR_A == 1 and SAI_F_ATTR_B == 2 or SAI_F_ATTR_C == 3", /parentheses/],
    ["not-equal (M17)", "SAI_F_ATTR_N != 1", /only `==`/],
    ["missing spaces", "SAI_F_ATTR_N==1", /one space/],
    ["empty", "", /empty/],
    ["parentheses without mixing", "(SAI_F_ATTR_A == 1)", /only allowed/],
    ["three operands in one mixed group", "SAI_F_ATTR_A == 1 and SAI_F_ATTR_B == 2 and (SAI_F_ATTR_C == 3 or SAI_F_ATTR_C == 4)", /own pair/],
  ];
  for (const [name, text, re] of bad)
    it(`rejects ${name}`, () => {
      const r = parseCondition(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(re);
    });

  // property: any tree of binary and/or with parentheses on every inner operator parses to its RPN
  const leaf = fc.tuple(fc.constantFrom("A", "B", "C", "D"), fc.integer({ min: 0, max: 99 })).map(([a, v]) => ({ text: `SAI_F_ATTR_${a} == ${v}`, rpn: [`SAI_F_ATTR_${a}=${v}`] }));
  const tree = fc.letrec<{ node: { text: string; rpn: string[] } }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.tuple(tie("node"), fc.constantFrom("and", "or"), tie("node")).map(([l, op, r]) => ({ text: `(${l.text} ${op} ${r.text})`, rpn: [...l.rpn, ...r.rpn, op.toUpperCase()] })),
    ),
  })).node;
  it("parses any fully parenthesised expression to reverse polish (property)", () => {
    fc.assert(
      fc.property(tree, (t) => {
        const ops = t.rpn.filter((x) => x === "AND" || x === "OR");
        if (ops.length === 0 || new Set(ops).size < 2) return; // simple forms are covered above
        const r = parseCondition(t.text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(show(r.items)).toEqual(t.rpn);
      }),
    );
  });
});
