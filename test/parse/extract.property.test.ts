import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractHeader } from "../../generator/parse/extract.js";
import { preprocess } from "../../generator/parse/preprocess.js";

interface GenEnumerator {
  name: string;
  init: string | null;
  lead: string | null;
  trail: string | null;
}

const word = fc.stringMatching(/^[A-Z][A-Z0-9]{0,6}$/);
const docText = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}$/).map((s) => s.trim());
const space = fc.constantFrom(" ", "  ", "\t", "");

/** Initializer forms SAI headers use, given the names declared before this one. */
function initializer(earlier: string[]): fc.Arbitrary<string | null> {
  const forms: fc.Arbitrary<string | null>[] = [
    fc.constant(null),
    fc.nat({ max: 100000 }).map(String),
    fc.nat({ max: 0xffffffff }).map((n) => `0x${n.toString(16).padStart(8, "0")}`),
    fc.integer({ min: 0, max: 31 }).map((n) => `1 << ${n}`),
  ];
  if (earlier.length > 0) {
    const ref = fc.constantFrom(...earlier);
    forms.push(ref, fc.tuple(ref, fc.nat({ max: 0xffff })).map(([r, n]) => `${r} + 0x${n.toString(16)}`));
    forms.push(fc.tuple(ref, ref).map(([a, b]) => `(${a} | ${b})`));
  }
  return fc.oneof(...forms);
}

const enumArb = fc
  .uniqueArray(word, { minLength: 1, maxLength: 12 })
  .chain((words) => {
    const names = words.map((w) => `SAI_P_${w}`);
    return fc.tuple(
      fc.tuple(
        ...names.map((name, i) =>
          fc.record({
            name: fc.constant(name),
            init: initializer(names.slice(0, i)),
            lead: fc.option(docText, { nil: null }),
            trail: fc.option(docText, { nil: null }),
          }),
        ),
      ),
      fc.boolean(), // trailing comma after the last enumerator
      space,
    );
  });

function render([items, trailingComma, sp]: [GenEnumerator[], boolean, string]): string {
  const body = items.map((e, i) => {
    const lead = e.lead === null ? "" : `    /** ${e.lead} */\n`;
    const init = e.init === null ? "" : `${sp} =${sp} ${e.init}`;
    const comma = i < items.length - 1 || trailingComma ? "," : "";
    const trail = e.trail === null ? "" : ` /**< ${e.trail} */`;
    return `${lead}    ${e.name}${init}${comma}${trail}\n`;
  });
  return `typedef enum _sai_p_t\n{\n${body.join("\n")}} sai_p_t;\n`;
}

describe("extract: enums round-trip (property)", () => {
  it("returns every enumerator name, initializer and doc as written, on both extraction paths", () =>
    fc.assert(
      fc.property(enumArb, (gen) => {
        const src = render(gen);
        const pp = preprocess(src, "p.h");
        const fast = extractHeader("p.h", ".", "p.h", pp);
        const slow = extractHeader("p.h", ".", "p.h", pp, { scan: false });
        expect(fast.problems).toEqual([]);
        expect(fast).toEqual(slow);
        expect(fast.enums).toHaveLength(1);
        const got = fast.enums[0]!.enumerators;
        const items = gen[0];
        expect(got.map((e) => e.name)).toEqual(items.map((e) => e.name));
        expect(got.map((e) => e.init)).toEqual(items.map((e) => e.init));
        // A leading block wins over a trailing one; either is the enumerator's documentation.
        expect(got.map((e) => e.doc?.text ?? null)).toEqual(items.map((e) => e.lead ?? e.trail));
        for (const e of got) expect(src.split("\n")[e.loc.line - 1]!.slice(e.loc.column - 1).startsWith(e.name)).toBe(true);
      }),
      { numRuns: 200 },
    ));
});
