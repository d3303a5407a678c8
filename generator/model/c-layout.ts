/**
 * C layout (size, alignment, member offsets) of header types on an LP64 target, computed from the headers' own
 * struct/union/typedef declarations, so entry key member offsets (§3.4) follow whatever the headers say.
 */
import type { RawStruct, RawTypedef } from "../parse/raw.js";

const PRIMITIVES: Record<string, number> = {
  char: 1, bool: 1, _Bool: 1, int8_t: 1, uint8_t: 1, int16_t: 2, uint16_t: 2, int: 4, int32_t: 4, uint32_t: 4,
  "unsigned int": 4, long: 8, int64_t: 8, uint64_t: 8, size_t: 8, float: 4, double: 8, "unsigned long": 8,
};

export interface Layout {
  size: number;
  align: number;
}

/** Computes layouts by type name; unknown types are reported by returning null. */
export class CLayout {
  private readonly cache = new Map<string, Layout | null>();
  constructor(
    private readonly structs: Map<string, RawStruct>,
    private readonly typedefs: Map<string, RawTypedef>,
    private readonly enums: Set<string>,
  ) {}

  /** Layout of a named type (typedef, struct, union, enum or primitive). */
  of(name: string): Layout | null {
    if (this.cache.has(name)) return this.cache.get(name)!;
    this.cache.set(name, null); // breaks cycles
    const l = this.compute(name);
    this.cache.set(name, l);
    return l;
  }

  private compute(name: string): Layout | null {
    const p = PRIMITIVES[name];
    if (p) return { size: p, align: p };
    if (this.enums.has(name)) return { size: 4, align: 4 };
    const s = this.structs.get(name);
    if (s) return this.ofStruct(s);
    const t = this.typedefs.get(name);
    if (t) {
      if (t.pointer > 0) return { size: 8, align: 8 };
      const base = this.of(t.basetype);
      if (!base) return null;
      const n = t.arraysize === null ? 1 : Number(t.arraysize);
      return Number.isFinite(n) ? { size: base.size * n, align: base.align } : null;
    }
    return null;
  }

  /** Layout of a struct or union declaration, with member offsets. */
  ofStruct(s: RawStruct): (Layout & { offsets: number[] }) | null {
    let size = 0;
    let align = 1;
    const offsets: number[] = [];
    for (const f of s.fields) {
      let l: Layout | null;
      if (f.pointer > 0) l = { size: 8, align: 8 };
      else if (f.inline) l = this.ofStruct(f.inline);
      else l = this.of(f.basetype);
      if (!l) return null;
      const n = f.arraysize === null ? 1 : Number(f.arraysize);
      const fsize = l.size * (Number.isFinite(n) ? n : 1);
      align = Math.max(align, l.align);
      if (s.kind === "union") {
        offsets.push(0);
        size = Math.max(size, fsize);
      } else {
        size = Math.ceil(size / l.align) * l.align;
        offsets.push(size);
        size += fsize;
      }
    }
    size = Math.ceil(size / align) * align;
    return { size, align, offsets };
  }
}
