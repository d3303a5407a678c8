/**
 * Property tests: `parse(format(v)) == v` for every value type in ATTR_VALUE_TYPES, with and without enum
 * metadata, and in GET count-only mode for list types.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ATTR_VALUE_TYPES, type ValueTypeName } from "../../generator/model/types.js";
import { formatValue, parseValue, type ValueMeta } from "../../runtime/serialize/index.js";
import { isValueOfType, listCount, nullList, VALUE_SHAPES, type SaiList } from "../../runtime/values/index.js";
import { ARBITRARIES } from "./arbitraries.js";
import { DASH_FLOW_ACTION, ENUMS, meta, MIXED_FLAGS, PACKET_ACTION } from "./fixtures.js";

const RUNS = 200;

/** Value types whose INT32 positions take the attribute's enum. */
const ENUM_POSITIONS = new Set<ValueTypeName>(["INT32", "INT32_LIST", "ACL_FIELD_DATA_INT32", "ACL_ACTION_DATA_INT32"]);

function metas(vt: ValueTypeName): [string, ValueMeta][] {
  const out: [string, ValueMeta][] = [
    ["no enums", meta(vt)],
    ["nested enums", meta(vt, { enums: ENUMS })],
  ];
  if (ENUM_POSITIONS.has(vt)) {
    const list = vt === "INT32_LIST";
    for (const e of [PACKET_ACTION, DASH_FLOW_ACTION, MIXED_FLAGS])
      out.push([e.name, meta(vt, { isenum: !list, isenumlist: list, enum: e, enums: ENUMS })]);
  }
  return out;
}

describe("round trip of every value type", () => {
  it.each([...ATTR_VALUE_TYPES])("%s", (vt) => {
    const arb = ARBITRARIES[vt];
    expect(arb, `no arbitrary for value type ${vt}: add one to test/serialize/arbitraries.ts`).toBeDefined();
    for (const [label, m] of metas(vt)) {
      fc.assert(
        fc.property(arb!, (v) => {
          expect(isValueOfType(vt, v), `${label}: arbitrary value is not a ${vt}`).toBe(true);
          const text = formatValue(m, v);
          const back = parseValue(m, text);
          expect(back, `${label}: ${text}`).toEqual({ ok: true, value: v });
        }),
        { numRuns: RUNS },
      );
    }
  });

  const listTypes = ATTR_VALUE_TYPES.filter((vt) => VALUE_SHAPES[vt].kind === "list");

  it.each(listTypes)("%s in count-only mode reads back its count", (vt) => {
    const m = meta(vt, { enums: ENUMS });
    fc.assert(
      fc.property(ARBITRARIES[vt]!, (v) => {
        const n = listCount(v as SaiList<unknown>);
        const back = parseValue(m, formatValue(m, v, { countOnly: true }), { countOnly: true });
        expect(back).toEqual({ ok: true, value: n === 0 ? [] : nullList(n) });
      }),
      { numRuns: 50 },
    );
  });
});
