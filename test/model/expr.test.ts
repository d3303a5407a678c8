import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../generator/model/expr.js";

const syms: Record<string, number> = { SAI_BASE: 0x20000000, SAI_TEN: 10 };
const lookup = (n: string) => syms[n] ?? `unknown symbol \`${n}\``;

describe("evaluate", () => {
  const cases: [string, number][] = [
    ["0", 0], ["42", 42], ["0x00000010", 16], ["0x0000000EL", 14], ["010", 10], ["1 << 5", 32], ["(1 << 3)", 8],
    ["SAI_BASE", 0x20000000], ["SAI_BASE + 5", 0x20000005], ["SAI_BASE + 0x10", 0x20000010], ["SAI_TEN + SAI_TEN", 20],
    ["SAI_STATUS_CODE(0x00010000L)", -0x10000], ["-(7)", -7], ["(sai_status_t)(5)", 5], ["0x10 | 0x01", 17],
  ];
  for (const [text, want] of cases) it(text, () => expect(evaluate(text, lookup)).toEqual({ ok: true, value: want }));
  it("reports unknown symbols", () => expect(evaluate("SAI_NOPE + 1", lookup)).toEqual({ ok: false, error: "unknown symbol `SAI_NOPE`" }));
  it("reports garbage", () => expect(evaluate("= 3", lookup).ok).toBe(false));
  it("decimal is decimal and hex is hex (property)", () =>
    fc.assert(fc.property(fc.nat(0x7fffffff), (n) => {
      expect(evaluate(String(n), lookup)).toEqual({ ok: true, value: n });
      expect(evaluate("0x" + n.toString(16).padStart(8, "0"), lookup)).toEqual({ ok: true, value: n });
    })));
});
