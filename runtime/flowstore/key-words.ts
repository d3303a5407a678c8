/**
 * Straight-line routines over a key of a fixed number of 32-bit words, generated once per store: comparing and
 * copying a 14-word key in a loop costs a bounds check and a branch per word, unrolled it is a run of loads.
 */

/** Compares or copies the key at `a[ai..]` with the key at `b[bi..]`. */
export interface KeyWordRoutines {
  equals(a: Uint32Array, ai: number, b: Uint32Array, bi: number): boolean;
  /**
   * Whether the stored (already masked) key at `row[ri..]` equals the caller's key at `key[ki..]` under the store's
   * enabled-key mask: lookups compare the caller's words in place instead of copying them masked first.
   */
  equalsMasked(row: Uint32Array, ri: number, key: Uint32Array, ki: number): boolean;
  /** Copies the key at `src[si..]` to `dst[di..]`. */
  copy(dst: Uint32Array, di: number, src: Uint32Array, si: number): void;
}

/** The routines for keys of `words` words under the enabled-key mask `mask` (one word per key word). */
export function keyWordRoutines(words: number, mask: Uint32Array): KeyWordRoutines {
  const idx = Array.from({ length: words }, (_, k) => k);
  const eq = idx.map((k) => `a[ai + ${k}] === b[bi + ${k}]`).join(" && ") || "true";
  // a word the mask clears is 0 in every stored key: nothing to compare
  const masked =
    idx
      .filter((k) => mask[k] !== 0)
      .map((k) => (mask[k] === 0xffffffff ? `row[ri + ${k}] === key[ki + ${k}]` : `row[ri + ${k}] === ((key[ki + ${k}] & ${mask[k]! | 0}) >>> 0)`))
      .join(" && ") || "true";
  const cp = idx.map((k) => `dst[di + ${k}] = src[si + ${k}];`).join(" ");
  return new Function(`"use strict"; return {
  equals(a, ai, b, bi) { return ${eq}; },
  equalsMasked(row, ri, key, ki) { return ${masked}; },
  copy(dst, di, src, si) { ${cp} },
};`)() as KeyWordRoutines;
}
