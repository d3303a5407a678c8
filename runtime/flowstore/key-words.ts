/**
 * Straight-line routines over a key of a fixed number of 32-bit words, generated once per store: comparing and
 * copying a 14-word key in a loop costs a bounds check and a branch per word, unrolled it is a run of loads.
 */

/** Compares or copies the key at `a[ai..]` with the key at `b[bi..]`. */
export interface KeyWordRoutines {
  equals(a: Uint32Array, ai: number, b: Uint32Array, bi: number): boolean;
  /** Copies the key at `src[si..]` to `dst[di..]`. */
  copy(dst: Uint32Array, di: number, src: Uint32Array, si: number): void;
}

/** The routines for keys of `words` words. */
export function keyWordRoutines(words: number): KeyWordRoutines {
  const idx = Array.from({ length: words }, (_, k) => k);
  const eq = idx.map((k) => `a[ai + ${k}] === b[bi + ${k}]`).join(" && ") || "true";
  const cp = idx.map((k) => `dst[di + ${k}] = src[si + ${k}];`).join(" ");
  return new Function(`"use strict"; return {
  equals(a, ai, b, bi) { return ${eq}; },
  copy(dst, di, src, si) { ${cp} },
};`)() as KeyWordRoutines;
}
