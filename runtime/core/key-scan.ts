/**
 * Per-layout scans over a call's packed keys, generated once per key layout with the member offsets as constants:
 * where the rows that pick the same flow table end, and where the next malformed IP member is. Checking these row
 * by row through a general routine (a call per row, a loop over members) cost a packed create 10–15 % of its time;
 * a straight-line loop over the rows is a few loads and compares per row.
 */

/** The scans of one key layout; `kw` is the key buffer as words (4-byte aligned) or null. */
export interface KeyScan {
  /**
   * The first row after `from` (below `n`) whose table-selecting members — switch id and ENI MAC, or the key's
   * flow_table_id — differ from row `from`'s; `n` when none does. Rows before it pick the same table.
   */
  sameTableEnd(k: Uint8Array, kw: Uint32Array | null, from: number, n: number): number;
  /**
   * The first row in [from, to) with a malformed IP member — a family byte other than 0 (IPv4) or 1 (IPv6), or an
   * IPv4 address whose bytes 4..15 are not zero — or `to` when there is none.
   */
  firstBadIp(k: Uint8Array, kw: Uint32Array | null, from: number, to: number): number;
}

/** A byte range of the key. */
export interface KeyRange {
  readonly offset: number;
  readonly size: number;
}

/** One IP key member: address offset and family byte offset. */
export interface IpMember {
  readonly offset: number;
  readonly familyOffset: number;
}

/**
 * The table-selecting bytes `ranges` of a row: whole aligned words as words when `words`, the rest as bytes. Each
 * term reads the row at byte offset `a` (words at `wa`); the scan loads row `from`'s terms into locals once.
 */
function terms(ranges: readonly KeyRange[], words: boolean): string[] {
  const out: string[] = [];
  for (const { offset, size } of ranges) {
    const end = offset + size;
    for (let i = offset; i < end; ) {
      if (words && i % 4 === 0 && i + 4 <= end) {
        out.push(`kw[wa + ${i / 4}]`);
        i += 4;
      } else out.push(`k[a + ${i++}]`);
    }
  }
  return out;
}

/** JS source: row `from`'s terms into locals `s0…` (`a`/`wa` are row `from`'s offsets there). */
function firstRow(ts: readonly string[]): string {
  return ts.map((t, i) => `const s${i} = ${t};`).join(" ");
}

/** JS source: whether a row's terms differ from row `from`'s locals. */
function differs(ts: readonly string[]): string {
  return ts.length ? ts.map((t, i) => `${t} !== s${i}`).join(" || ") : "false";
}

/** The bad-IP test of the row at byte `a` (words at `wa`), as JS source (each family byte read once, into `f<i>`). */
function badIp(ips: readonly IpMember[], words: boolean): string {
  if (ips.length === 0) return "false";
  return ips
    .map(({ offset: o, familyOffset: f }, i) => {
      const tail =
        words && o % 4 === 0
          ? `(kw[wa + ${o / 4 + 1}] | kw[wa + ${o / 4 + 2}] | kw[wa + ${o / 4 + 3}])`
          : `(${Array.from({ length: 12 }, (_, j) => `k[a + ${o + 4 + j}]`).join(" | ")})`;
      return `(f${i} = k[a + ${f}]) > 1 || (f${i} === 0 && ${tail} !== 0)`;
    })
    .join(" || ");
}

/** Declarations of `badIp`'s family-byte locals. */
function familyLocals(ips: readonly IpMember[]): string {
  return ips.length ? `let ${ips.map((_, i) => `f${i} = 0`).join(", ")};` : "";
}

/** The scans for keys of `keyBytes` (a multiple of 4) selected by `select` and holding IP members `ips`. */
export function keyScan(keyBytes: number, select: readonly KeyRange[], ips: readonly IpMember[]): KeyScan {
  const KB = keyBytes;
  const KW = keyBytes >> 2;
  const wordTerms = terms(select, true);
  const byteTerms = terms(select, false);
  const src = `"use strict"; return {
  sameTableEnd(k, kw, from, n) {
    if (kw !== null) {
      {
        const a = from * ${KB};
        const wa = from * ${KW};
        ${firstRow(wordTerms)}
        for (let r = from + 1; r < n; r++) {
          const a = r * ${KB};
          const wa = r * ${KW};
          if (${differs(wordTerms)}) return r;
        }
      }
      return n;
    }
    const a = from * ${KB};
    ${firstRow(byteTerms)}
    for (let r = from + 1; r < n; r++) {
      const a = r * ${KB};
      if (${differs(byteTerms)}) return r;
    }
    return n;
  },
  firstBadIp(k, kw, from, to) {
    ${familyLocals(ips)}
    if (kw !== null) {
      for (let r = from; r < to; r++) {
        const a = r * ${KB};
        const wa = r * ${KW};
        if (${badIp(ips, true)}) return r;
      }
      return to;
    }
    for (let r = from; r < to; r++) {
      const a = r * ${KB};
      if (${badIp(ips, false)}) return r;
    }
    return to;
  },
};`;
  return new Function(src)() as KeyScan;
}
