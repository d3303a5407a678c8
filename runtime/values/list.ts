/**
 * Helpers for {@link SaiList}, whose two forms (elements, or a bare count) every consumer has to tell apart.
 */
import type { NullList, SaiList } from "./types.js";

/** A list carried as a count only (GET count-only requests, NULL list pointers). */
export function nullList(count: number): NullList {
  return { count, list: null };
}

/** True for the count-only form. */
export function isNullList<T>(l: SaiList<T>): l is NullList {
  return !Array.isArray(l);
}

/** The C `count` of either form. */
export function listCount<T>(l: SaiList<T>): number {
  return isNullList(l) ? l.count : (l as readonly T[]).length;
}

/** The elements, or null for the count-only form. */
export function listItems<T>(l: SaiList<T>): readonly T[] | null {
  return isNullList(l) ? null : (l as readonly T[]);
}
