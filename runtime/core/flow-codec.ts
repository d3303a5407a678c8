/**
 * Moves flows between a typed-array flow store and the specialized codec's columns (`runtime/proto`), so flows are
 * encoded to and decoded from SaiDashFlowEntry bytes without building an object per flow.
 *
 * `gather` copies one store slot into a codec row (key from the packed key row, reverse key from the REVERSE_FLOW_*
 * columns, state from the attribute columns); `check` + `scatter` copy a decoded row back into a slot's state and
 * reverse columns; `packKey` turns a decoded row's flow key into a packed store key. All four are generated per
 * store with `new Function` (one straight-line function per layout keeps every typed-array access monomorphic;
 * PERFORMANCE.md: a generic loop over mixed arrays costs several times more). Generated code contains only
 * numbers and fixed identifiers: names from the model never become code.
 */
import { WRITTEN_MASK, type ColumnData, type ColumnLayout, type FlowStore, type KeyFieldLayout } from "../flowstore/index.js";
import type { FlowFieldLayout, FlowMessageLayout } from "../proto/index.js";
import type { FlowColumns } from "../proto/specialized.js";
import type { EnumMetadata } from "../../generator/model/types.js";
import { enumCheck } from "../validate/checks.js";
import type { FlowSchema } from "./flow-schema.js";

/** The generated routines bound to one store and one column scratch. */
export interface SlotCodec {
  /** Copies slot `slot` into codec row `r`. */
  gather(slot: number, r: number): void;
  /** -1 when row `r`'s state fits the store's columns, else the index (in `checkNames`) of the first that does not. */
  check(r: number): number;
  /** Names of the checked columns, for messages. */
  readonly checkNames: readonly string[];
  /** Why each check fails ("does not fit its column", "is not a value of sai_…_t"), parallel to `checkNames`. */
  readonly checkReasons: readonly string[];
  /** Writes row `r`'s state and reverse key into slot `slot` (call `check` first). */
  scatter(r: number, slot: number): void;
  /** Writes row `r`'s flow key as a packed store key at `out[at..]`. */
  packKey(r: number, out: Uint8Array, at: number): void;
  /** {@link packKey} into 32-bit words from word `w` (whole words: a fraction of the stores). */
  packKeyWords(r: number, out: Uint32Array, w: number): void;
  /** Overwrites row `r`'s flow key ENI MAC (a 48-bit number; no-op when the key has none). */
  setEniMac(r: number, mac48: number): void;
  /** Row `r`'s flow key ENI MAC as a 48-bit number (0 when the key has none). */
  eniMac(r: number): number;
  /** Row `r`'s VERSION (-1 when the header set has none). */
  version(r: number): number;
  /** Row `r`'s DASH_FLOW_SYNC_STATE (-1 when the header set has none). */
  syncState(r: number): number;
  /** VERSION of a slot (-1 when the header set has none). */
  slotVersion(slot: number): number;
  /** Overwrites row `r`'s flow key switch id. */
  setSwitch(r: number, sw: bigint): void;
  /** Row `r`'s flow key switch id (0n when the key has none). */
  switchOf(r: number): bigint;
  /** The low or high 32 bits of row `r`'s flow key switch id, as a number (no bigint per row on hot paths). */
  switchWord(r: number, high: boolean): number;
  /**
   * Packs the reverse key of `slot` (REVERSE_FLOW_* columns; members without one repeat the flow's own) at
   * `out[at..]` and returns its ENI MAC as a 48-bit number.
   */
  packReverse(slot: number, out: Uint8Array, at: number): number;
  /** True when the flow in `slot` is unidirectional (false when the header set has no such attribute). */
  unidirectional(slot: number): boolean;
}

type Source = { k: "key"; f: KeyFieldLayout } | { k: "col"; ci: number; col: ColumnLayout } | { k: "none" };

interface Leaf {
  readonly msg: "flow_key" | "reverse_flow_key" | "flow_state";
  readonly path: string;
  readonly field: FlowFieldLayout;
  readonly src: Source;
}

function leaves(schema: FlowSchema): Leaf[] {
  const out: Leaf[] = [];
  const keyField = new Map(schema.store.keyFields.map((f) => [f.name, f]));
  const colSrc = (attr: string): Source => {
    const ci = schema.columnOf.get(attr);
    return ci === undefined ? { k: "none" } : { k: "col", ci, col: schema.store.columns[ci]! };
  };
  const walk = (m: FlowMessageLayout, path: string, msg: Leaf["msg"] | null): void => {
    for (const f of m.fields) {
      const fp = path ? `${path}.${f.name}` : f.name;
      const top = msg ?? (f.name as Leaf["msg"]);
      if (f.message) {
        walk(f.message, fp, top);
        continue;
      }
      let src: Source;
      if (top === "flow_key") {
        const kf = keyField.get(f.source);
        src = kf ? { k: "key", f: kf } : { k: "none" };
      } else if (top === "reverse_flow_key") {
        const attr = schema.reverseAttrOf.get(f.source);
        const kf = keyField.get(f.source);
        src = attr !== undefined && schema.columnOf.has(attr) ? colSrc(attr) : kf ? { k: "key", f: kf } : { k: "none" };
      } else src = colSrc(f.source);
      out.push({ msg: top, path: fp, field: f, src });
    }
  };
  walk(schema.proto.entry, "", null);
  return out;
}

/** Names the codec columns of a leaf, in the codec's order (see `ColGen` in runtime/proto/specialized.ts). */
function leafColumns(l: Leaf): string[] {
  const p = l.path;
  switch (l.field.codec.k) {
    case "int64":
      return [`${p}.lo`, `${p}.hi`];
    case "mac":
      return [`${p}.hi`, `${p}.lo`];
    case "ipv6":
      return [`${p}.words`];
    case "ipaddr":
      return [`${p}.family`, `${p}.words`];
    case "prefix":
      return [`${p}.family`, `${p}.addr`, `${p}.mask`];
    default:
      return [p];
  }
}

const SIGNED: Record<string, number> = { i8: 8, i16: 16, i32: 32 };
const le = (x: string, size: number): string => {
  const t: string[] = [];
  for (let i = 0; i < size; i++) t.push(i === 0 ? `kb[${x}]` : `(kb[${x} + ${i}] << ${8 * i})`);
  return `((${t.join(" | ")}) >>> 0)`;
};
const be32 = (x: string): string => `(((kb[${x}] << 24) | (kb[${x} + 1] << 16) | (kb[${x} + 2] << 8) | kb[${x} + 3]) >>> 0)`;

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Statements writing a packed key word by word from its byte expressions (little-endian words; absent bytes are 0). */
function packWords(bytes: ReadonlyMap<number, string>, keyBytes: number): string[] {
  const out: string[] = [];
  // a word whose four bytes are one 32-bit value's bytes in order (little-endian members) is that value; in reverse
  // order (big-endian addresses), its byte swap
  const byteOf = (e: string | undefined) => (e === undefined ? null : /^\(\((.+) >>> (\d+)\) & 255\)$/.exec(e));
  for (let w = 0; w < keyBytes / 4; w++) {
    const bs = [0, 1, 2, 3].map((i) => byteOf(bytes.get(4 * w + i)));
    const same = bs.every((b) => b !== null && b[1] === bs[0]![1]);
    if (same && bs.every((b, i) => Number(b![2]) === 8 * i)) {
      out.push(`out[w + ${w}] = ${bs[0]![1]};`);
      continue;
    }
    if (same && bs.every((b, i) => Number(b![2]) === 24 - 8 * i)) {
      out.push(`{ const x = ${bs[0]![1]}; out[w + ${w}] = (x << 24) | ((x & 65280) << 8) | ((x >>> 8) & 65280) | (x >>> 24); }`);
      continue;
    }
    const parts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const e = bytes.get(4 * w + i);
      if (e !== undefined) parts.push(i === 0 ? e : `(${e} << ${8 * i})`);
    }
    out.push(`out[w + ${w}] = ${parts.length ? parts.join(" | ") : "0"};`);
  }
  return out;
}

/**
 * Checks that the generated code indexes every state-block column row-major (`S3_0[c][o * 8 + 2]`, see `E` in
 * `slotCodec`): a plain `S3_0[c][o]` there would read another column's bytes.
 */
function checkBlockIndexes(code: string, columns: readonly ColumnData[]): string {
  const left = columns.findIndex((col, ci) => col.stride !== 1 && new RegExp(`\\bS${ci}_0\\[c\\]\\[(?!o \\* )`).test(code));
  if (left >= 0) throw new Error(`internal: the slot codec indexes state-block column ${columns[left]!.spec.name} per slot`);
  return code;
}

/** Compiles the slot codec of `store` over the codec column scratch `cols`. */
export function slotCodec(schema: FlowSchema, store: FlowStore, cols: FlowColumns): SlotCodec {
  const it = store.internals();
  const names: string[] = [];
  const values: unknown[] = [];
  const bind = (name: string, v: unknown): string => {
    names.push(name);
    values.push(v);
    return name;
  };
  bind("G", it.geometry);
  // slot rows: key bytes at `o * rowBytes`, the meta word (flags + written mask) at word `o * rowWords + metaWord`
  bind("RW", it.rows);
  bind("K8", it.rowBytes8);
  const RB = it.rowWords * 4;
  const META = (o: string) => `RW[c][${o} * ${it.rowWords} + ${it.metaWord}]`;
  const colIndex = new Map(cols.specs.map((s, i) => [s.name, i]));
  // codec columns are written as tokens (`@An@[r]`, `@An@[r * 4 + w]`) and resolved at the end to elements of the
  // row-major word array (or of a "js" column's own array)
  const A = (name: string): string => {
    const i = colIndex.get(name);
    if (i === undefined) throw new Error(`slotCodec: the codec has no column ${name}`);
    return `@A${i}@`;
  };
  bind("R", cols.rows);
  const resolve = (code: string): string => {
    const out = code.replace(/@A(\d+)@\[r(?: \* \d+)?(?: \+ (\d+))?\](\s*=(?!=))?/g, (_, i: string, w: string | undefined, assign: string | undefined) => {
      const spec = cols.specs[Number(i)]!;
      if (spec.array === "js") {
        const id = `J${i}`;
        if (!names.includes(id)) bind(id, cols.arrays[Number(i)]);
        return `${id}[r]${assign ?? ""}`;
      }
      const el = `R[rb + ${spec.offset + Number(w ?? 0)}]`;
      return assign ? `${el}${assign}` : spec.array === "i32" ? `(${el} | 0)` : el;
    });
    const left = /@A\d+@/.exec(out);
    if (left) throw new Error(`internal: unresolved codec column ${left[0]} in the slot codec`);
    // every routine that takes a codec row gets that row's first word
    return out.replace(/^(function \w+\((?:[^)]*, )?r(?:, [^)]*)?\) \{)/gm, `$1 const rb = r * ${cols.stride};`);
  };
  const S = (ci: number, p: number): string => {
    const id = `S${ci}_${p}`;
    if (!names.includes(id)) bind(id, it.columns[ci]!.parts[p]);
    return id;
  };
  /**
   * The element of slot (c, o) in part `p` of column `ci`: `S3_0[c][o]`, or for a column in the state block (row-major,
   * one row per slot) `S3_0[c][o * stride + at]`.
   */
  const E = (ci: number, p: number): string => {
    const col = it.columns[ci]!;
    return `${S(ci, p)}[c][${col.stride === 1 ? "o" : `o * ${col.stride} + ${col.at}`}]`;
  };
  const T = (ci: number): string => {
    const id = `T${ci}`;
    if (!names.includes(id)) bind(id, it.columns[ci]!.v6tail);
    return id;
  };
  bind("getBlob", (slot: number, name: string): number[] | undefined => {
    const b = store.get(slot, name) as Uint8Array;
    return b.length === 0 ? undefined : Array.from(b);
  });
  bind("setBlob", (slot: number, name: string, v: unknown): void => {
    store.set(slot, name, Array.isArray(v) ? Uint8Array.from(v as number[]) : new Uint8Array(0));
  });
  bind("tailOf", (ci: number, c: number): Uint32Array => {
    const col = it.columns[ci]!;
    let t = col.v6tail[c];
    if (!t) t = col.v6tail[c] = new Uint32Array(it.geometry.chunkSize(c) * 3);
    return t;
  });

  const gather: string[] = [];
  const scatter: string[] = [];
  const blobScatter: string[] = [];
  /**
   * Scatters one column. The slot's written mask `m` says which columns may hold non-zero values (a never-used slot:
   * none, its memory is zero); a zero is written only where the mask says the column may be non-zero, so a fresh
   * slot's zero columns are never touched (no page faulted in for them). `w` collects the bits of what is non-zero.
   */
  const put = (ci: number, nonZero: string, write: string, zero: string): void => {
    const bit = it.columns[ci]!.dirtyBit;
    scatter.push(`if (${nonZero}) { ${write} w |= ${bit}; } else if ((m & ${bit}) !== 0) { ${zero} }`);
  };
  const check: string[] = [];
  const checkNames: string[] = [];
  const checkReasons: string[] = [];
  const enumOfColumn = (attr: string): EnumMetadata | undefined => {
    const a = schema.attrs.find((x) => x.attridname === attr);
    return a && a.isenum ? schema.enumOf(a) : undefined;
  };
  const packBytes = new Map<number, string>();
  const ls = leaves(schema);
  for (const l of ls) {
    const cn = leafColumns(l);
    const k = l.field.codec.k;
    const src = l.src;
    // ---- gather: slot → row
    if (src.k === "key") {
      const f = src.f;
      const off = `b + ${f.offset}`;
      switch (k) {
        case "bool":
        case "int": {
          if (f.kind === "mac" || f.kind === "ip" || f.kind === "ipv4" || f.kind === "ipv6") gather.push(`${A(cn[0]!)}[r] = 0;`);
          else if (SIGNED[f.kind]) gather.push(`${A(cn[0]!)}[r] = (${le(off, f.size)} << ${32 - SIGNED[f.kind]!}) >> ${32 - SIGNED[f.kind]!};`);
          else gather.push(`${A(cn[0]!)}[r] = ${le(off, Math.min(f.size, 4))};`);
          break;
        }
        case "int64":
          gather.push(`${A(cn[0]!)}[r] = ${le(off, 4)}; ${A(cn[1]!)}[r] = ${f.size === 8 ? le(`${off} + 4`, 4) : "0"};`);
          break;
        case "mac":
          gather.push(`${A(cn[0]!)}[r] = ${be32(off)}; ${A(cn[1]!)}[r] = (kb[${off} + 4] << 8) | kb[${off} + 5];`);
          break;
        case "ipaddr": {
          const fam = f.kind === "ip" ? `kb[b + ${f.familyOffset}]` : f.kind === "ipv6" ? "1" : "0";
          const W = A(cn[1]!);
          gather.push(`${A(cn[0]!)}[r] = ${fam};`);
          for (let w = 0; w < 4; w++) gather.push(`${W}[r * 4 + ${w}] = ${w === 0 || f.size === 16 ? be32(`${off} + ${4 * w}`) : "0"};`);
          break;
        }
        case "ipv4":
          gather.push(`${A(cn[0]!)}[r] = ${be32(off)};`);
          break;
        case "ipv6": {
          const W = A(cn[0]!);
          for (let w = 0; w < 4; w++) gather.push(`${W}[r * 4 + ${w}] = ${f.size === 16 ? be32(`${off} + ${4 * w}`) : w === 0 ? be32(off) : "0"};`);
          break;
        }
        default:
          gather.push(`${A(cn[0]!)}[r] = undefined;`);
      }
    } else if (src.k === "col") {
      const { ci, col } = src;
      const ck = col.kind;
      const first = gather.length;
      switch (k) {
        case "bool":
        case "int":
          if (ck === "u64" || ck === "i64") gather.push(`${A(cn[0]!)}[r] = Number(${E(ci, 0)});`);
          else if (ck === "mac" || ck === "ip" || ck === "ipv6" || ck === "blob") gather.push(`${A(cn[0]!)}[r] = 0;`);
          else gather.push(`${A(cn[0]!)}[r] = ${E(ci, 0)};`);
          break;
        case "int64":
          if (ck === "u64" || ck === "i64")
            gather.push(`{ const v = BigInt.asUintN(64, ${E(ci, 0)}); ${A(cn[0]!)}[r] = Number(v & 0xffffffffn); ${A(cn[1]!)}[r] = Number(v >> 32n); }`);
          else gather.push(`{ const v = ${E(ci, 0)}; ${A(cn[0]!)}[r] = v >>> 0; ${A(cn[1]!)}[r] = v < 0 ? 0xffffffff : 0; }`);
          break;
        case "mac":
          gather.push(`${A(cn[0]!)}[r] = ${E(ci, 0)}; ${A(cn[1]!)}[r] = ${E(ci, 1)};`);
          break;
        case "ipaddr":
        case "ipv6": {
          const F = k === "ipaddr" ? A(cn[0]!) : null;
          const W = A(cn[k === "ipaddr" ? 1 : 0]!);
          if (ck === "ip") {
            gather.push(
              `{ const f = ${E(ci, 0)}; ${F ? `${F}[r] = f; ` : ""}${W}[r * 4] = ${E(ci, 1)}; const t = ${T(ci)}[c];` +
                ` if (f === 1 && t) { ${W}[r * 4 + 1] = t[o * 3]; ${W}[r * 4 + 2] = t[o * 3 + 1]; ${W}[r * 4 + 3] = t[o * 3 + 2]; }` +
                ` else { ${W}[r * 4 + 1] = 0; ${W}[r * 4 + 2] = 0; ${W}[r * 4 + 3] = 0; } }`,
            );
          } else if (ck === "ipv6") {
            if (F) gather.push(`${F}[r] = 1;`);
            for (let w = 0; w < 4; w++) gather.push(`${W}[r * 4 + ${w}] = ${S(ci, 0)}[c][o * 4 + ${w}];`);
          } else {
            if (F) gather.push(`${F}[r] = 0;`);
            gather.push(`${W}[r * 4] = ${ck === "ipv4" ? `${E(ci, 0)}` : "0"}; ${W}[r * 4 + 1] = 0; ${W}[r * 4 + 2] = 0; ${W}[r * 4 + 3] = 0;`);
          }
          break;
        }
        case "ipv4":
          gather.push(`${A(cn[0]!)}[r] = ${ck === "ip" ? E(ci, 1) : E(ci, 0)};`);
          break;
        default:
          // handle 0 is the empty list: most flows carry none, so skip the arena read and its allocation
          gather.push(ck === "blob" ? `${A(cn[0]!)}[r] = ${E(ci, 0)} === 0 ? undefined : getBlob(slot, ${JSON.stringify(col.name)});` : `${A(cn[0]!)}[r] = undefined;`);
      }
      // a column whose written-mask bit is clear is all zeros: its row words get the values a read of zeros would
      // give, without touching the column (most of a typical flow's ~60 columns)
      const reads = gather.splice(first);
      if (reads.length > 0) {
        const zero = ck === "u64" || ck === "i64" ? "0n" : "0";
        const zeros = reads.map((st) => st.replace(new RegExp(`\\bS${ci}_\\d+\\[c\\]\\[o[^\\]]*\\]`, "g"), zero).replace(new RegExp(`\\bT${ci}\\[c\\]`, "g"), "null"));
        gather.push(`if ((wm & ${it.columns[ci]!.dirtyBit}) !== 0) { ${reads.join(" ")} } else { ${zeros.join(" ")} }`);
      }
    } else {
      for (const name of cn) {
        const i = colIndex.get(name)!;
        const spec = cols.specs[i]!;
        const id = A(name);
        if (spec.array === "js") gather.push(`${id}[r] = undefined;`);
        else for (let s = 0; s < spec.stride; s++) gather.push(`${id}[r * ${spec.stride} + ${s}] = 0;`);
      }
    }

    // ---- check + scatter: row → slot (state and reverse key only; the key is written by insert)
    if (l.msg !== "flow_key" && src.k === "col") {
      const { ci, col } = src;
      const ck = col.kind;
      switch (k) {
        case "bool":
        case "int": {
          const v = `${A(cn[0]!)}[r]`;
          const fits: Record<string, string> = {
            u8: `(${v} & 255) === ${v}`,
            i8: `((${v} << 24) >> 24) === ${v}`,
            u16: `(${v} & 65535) === ${v}`,
            i16: `((${v} << 16) >> 16) === ${v}`,
          };
          if (fits[ck]) {
            check.push(`if (!(${fits[ck]})) return ${checkNames.length};`);
            checkNames.push(col.name);
            checkReasons.push("does not fit its column");
          }
          // enum values are checked against the enum (a peer's values are input like any other; sai mode: flag
          // enums take combinations of their flags); 0 is what an absent field decodes to, so it always passes
          const e = enumOfColumn(col.name);
          if (e) {
            const id = `E${ci}`;
            if (!names.includes(id)) bind(id, enumCheck(e, "sai"));
            check.push(`if (${v} !== 0 && ${id}(${v}) !== undefined) return ${checkNames.length};`);
            checkNames.push(col.name);
            checkReasons.push(`is not a value of ${e.name}`);
          }
          if (ck === "u64" || ck === "i64") put(ci, `${v} !== 0`, `${E(ci, 0)} = BigInt(${v});`, `${E(ci, 0)} = 0n;`);
          else if (ck !== "mac" && ck !== "ip" && ck !== "ipv6" && ck !== "blob") put(ci, `${v} !== 0`, `${E(ci, 0)} = ${v};`, `${E(ci, 0)} = 0;`);
          break;
        }
        case "int64":
          if (ck === "u64" || ck === "i64")
            put(
              ci,
              `(${A(cn[0]!)}[r] | ${A(cn[1]!)}[r]) !== 0`,
              `${E(ci, 0)} = BigInt.as${ck === "u64" ? "Uint" : "Int"}N(64, (BigInt(${A(cn[1]!)}[r]) << 32n) | BigInt(${A(cn[0]!)}[r]));`,
              `${E(ci, 0)} = 0n;`,
            );
          else put(ci, `${A(cn[0]!)}[r] !== 0`, `${E(ci, 0)} = ${A(cn[0]!)}[r];`, `${E(ci, 0)} = 0;`);
          break;
        case "mac":
          if (ck === "mac")
            put(ci, `(${A(cn[0]!)}[r] | ${A(cn[1]!)}[r]) !== 0`, `${E(ci, 0)} = ${A(cn[0]!)}[r]; ${E(ci, 1)} = ${A(cn[1]!)}[r];`, `${E(ci, 0)} = 0; ${E(ci, 1)} = 0;`);
          break;
        case "ipaddr":
        case "ipv6": {
          const F = k === "ipaddr" ? `${A(cn[0]!)}[r]` : "1";
          const W = A(cn[k === "ipaddr" ? 1 : 0]!);
          // an IPv4 0.0.0.0 (family 0, word 0) is all zeros; IPv6 always has family 1
          if (ck === "ip")
            put(
              ci,
              `(${F} | ${W}[r * 4]) !== 0`,
              `{ const f = ${F}; ${E(ci, 0)} = f; ${E(ci, 1)} = ${W}[r * 4];` +
                ` if (f === 1) { const t = tailOf(${ci}, c); t[o * 3] = ${W}[r * 4 + 1]; t[o * 3 + 1] = ${W}[r * 4 + 2]; t[o * 3 + 2] = ${W}[r * 4 + 3]; } }`,
              `${E(ci, 0)} = 0; ${E(ci, 1)} = 0;`,
            );
          else if (ck === "ipv6")
            put(
              ci,
              `(${W}[r * 4] | ${W}[r * 4 + 1] | ${W}[r * 4 + 2] | ${W}[r * 4 + 3]) !== 0`,
              [0, 1, 2, 3].map((w) => `${S(ci, 0)}[c][o * 4 + ${w}] = ${W}[r * 4 + ${w}];`).join(" "),
              [0, 1, 2, 3].map((w) => `${S(ci, 0)}[c][o * 4 + ${w}] = 0;`).join(" "),
            );
          else if (ck === "ipv4") scatter.push(`${E(ci, 0)} = ${W}[r * 4];`);
          break;
        }
        case "ipv4":
          if (ck === "ip") scatter.push(`${E(ci, 0)} = 0; ${E(ci, 1)} = ${A(cn[0]!)}[r];`);
          else if (ck === "ipv4") scatter.push(`${E(ci, 0)} = ${A(cn[0]!)}[r];`);
          break;
        default:
          // most flows carry no list: with no value and no stored handle there is nothing to write
          if (ck === "blob") blobScatter.push(`{ const v = ${A(cn[0]!)}[r]; if (v !== undefined || ${E(ci, 0)} !== 0) setBlob(slot, ${JSON.stringify(col.name)}, v); }`);
      }
    }

    // ---- packKey: row's flow_key → packed key bytes (one expression per key byte, by offset)
    if (l.msg === "flow_key" && src.k === "key") {
      const f = src.f;
      const put = (off: number, e: string) => packBytes.set(off, e);
      const wle = (v: string, size: number, base: number) => {
        for (let i = 0; i < size; i++) put(base + i, `((${v} >>> ${8 * i}) & 255)`);
      };
      const wbe = (v: string, base: number) => {
        for (let i = 0; i < 4; i++) put(base + i, `((${v} >>> ${24 - 8 * i}) & 255)`);
      };
      switch (k) {
        case "bool":
        case "int":
          if (f.kind !== "mac" && f.kind !== "ip" && f.kind !== "ipv4" && f.kind !== "ipv6") wle(`${A(cn[0]!)}[r]`, Math.min(f.size, 4), f.offset);
          break;
        case "int64":
          wle(`${A(cn[0]!)}[r]`, 4, f.offset);
          if (f.size === 8) wle(`${A(cn[1]!)}[r]`, 4, f.offset + 4);
          break;
        case "mac":
          wbe(`${A(cn[0]!)}[r]`, f.offset);
          put(f.offset + 4, `(${A(cn[1]!)}[r] >>> 8)`);
          put(f.offset + 5, `(${A(cn[1]!)}[r] & 255)`);
          break;
        case "ipaddr": {
          const W = A(cn[1]!);
          if (f.kind === "ip") put(f.familyOffset, `${A(cn[0]!)}[r]`);
          const words = f.size === 16 ? 4 : 1;
          for (let w = 0; w < words; w++) wbe(`${W}[r * 4 + ${w}]`, f.offset + 4 * w);
          break;
        }
        case "ipv4":
          wbe(`${A(cn[0]!)}[r]`, f.offset);
          break;
        case "ipv6":
          for (let w = 0; w < 4; w++) wbe(`${A(cn[0]!)}[r * 4 + ${w}]`, f.offset + 4 * w);
          break;
      }
    }
  }

  // ---- packReverse: slot's REVERSE_FLOW_* columns (or its own key members) → packed key bytes
  const rev: string[] = [];
  let revMac = "0";
  for (const f of schema.store.keyFields) {
    const attr = schema.reverseAttrOf.get(f.name);
    const ci = attr !== undefined ? schema.columnOf.get(attr) : undefined;
    const at = `at + ${f.offset}`;
    if (ci === undefined) {
      rev.push(`for (let i = 0; i < ${f.size}; i++) out[${at} + i] = kb[b + ${f.offset} + i];`);
      if (f.familyOffset >= 0) rev.push(`out[at + ${f.familyOffset}] = kb[b + ${f.familyOffset}];`);
      if (f.name === schema.eniMember) revMac = `${be32(`b + ${f.offset}`)} * 65536 + ((kb[b + ${f.offset} + 4] << 8) | kb[b + ${f.offset} + 5])`;
      continue;
    }
    const ck = schema.store.columns[ci]!.kind;
    const wbe = (v: string, base: string) => {
      for (let i = 0; i < 4; i++) rev.push(`out[${base} + ${i}] = (${v} >>> ${24 - 8 * i}) & 255;`);
    };
    if (ck === "mac" && f.kind === "mac") {
      wbe(`${E(ci, 0)}`, at);
      rev.push(`out[${at} + 4] = ${E(ci, 1)} >>> 8; out[${at} + 5] = ${E(ci, 1)} & 255;`);
      if (f.name === schema.eniMember) revMac = `${E(ci, 0)} * 65536 + ${E(ci, 1)}`;
    } else if (ck === "ip" && f.kind === "ip") {
      rev.push(`{ const fam = ${E(ci, 0)}; out[at + ${f.familyOffset}] = fam;`);
      wbe(`${E(ci, 1)}`, at);
      rev.push(`const t = ${T(ci)}[c]; if (fam === 1 && t) {`);
      for (let w = 1; w < 4; w++) wbe(`t[o * 3 + ${w - 1}]`, `${at} + ${4 * w}`);
      rev.push(`} }`);
    } else if (ck === "u8" || ck === "u16" || ck === "u32" || ck === "i8" || ck === "i16" || ck === "i32") {
      for (let i = 0; i < Math.min(f.size, 4); i++) rev.push(`out[${at} + ${i}] = (${E(ci, 0)} >>> ${8 * i}) & 255;`);
    }
  }
  const uniCol = schema.a.unidirectional !== undefined ? schema.columnOf.get(schema.a.unidirectional) : undefined;

  const keyLeaf = (member: string | null) => ls.find((l) => l.msg === "flow_key" && l.field.source === member);
  const eni = keyLeaf(schema.eniMember);
  const sw = keyLeaf("switch_id");
  const ver = ls.find((l) => l.msg === "flow_state" && l.field.source === schema.a.version);
  const sync = ls.find((l) => l.msg === "flow_state" && l.field.source === schema.a.syncState);
  const verCol = schema.a.version !== undefined ? schema.columnOf.get(schema.a.version) : undefined;
  const KB = schema.store.keyBytes;
  const body = `"use strict";
function gather(slot, r) {
  const c = G.chunkOf(slot); const o = slot - G.chunkStart(c); const kb = K8[c]; const b = o * ${RB}; const wm = ${META("o")} & ${WRITTEN_MASK};
  ${gather.join("\n  ")}
}
function check(r) {
  ${check.join("\n  ")}
  return -1;
}
function scatter(r, slot) {
  const c = G.chunkOf(slot); const o = slot - G.chunkStart(c);
  const mw = ${META("o")}; const m = mw & ${WRITTEN_MASK}; let w = 0;
  ${scatter.join("\n  ")}
  ${META("o")} = (mw & ${~WRITTEN_MASK >>> 0}) | w;
  ${blobScatter.join("\n  ")}
}
function packKey(r, out, at) {
  out.fill(0, at, at + ${KB});
  ${[...packBytes].map(([off, e]) => `out[at + ${off}] = ${e};`).join("\n  ")}
}
function packKeyWords(r, out, w) {
  ${LITTLE_ENDIAN ? packWords(packBytes, KB).join("\n  ") : `packKey(r, new Uint8Array(out.buffer, out.byteOffset), w * 4);`}
}
function eniMac(r) { return ${eni && eni.field.codec.k === "mac" ? `${A(leafColumns(eni)[0]!)}[r] * 65536 + ${A(leafColumns(eni)[1]!)}[r]` : "0"}; }
function setEniMac(r, mac) { ${eni && eni.field.codec.k === "mac" ? `${A(leafColumns(eni)[0]!)}[r] = Math.floor(mac / 65536); ${A(leafColumns(eni)[1]!)}[r] = mac % 65536;` : ""} }
function version(r) { return ${ver ? `${A(leafColumns(ver)[0]!)}[r]` : "-1"}; }
function syncState(r) { return ${sync ? `${A(leafColumns(sync)[0]!)}[r]` : "-1"}; }
function slotVersion(slot) { ${verCol !== undefined ? `const c = G.chunkOf(slot); const o = slot - G.chunkStart(c); return ${E(verCol, 0)};` : "return -1;"} }
function setSwitch(r, sw) { ${sw && sw.field.codec.k === "int64" ? `${A(leafColumns(sw)[0]!)}[r] = Number(sw & 0xffffffffn); ${A(leafColumns(sw)[1]!)}[r] = Number(sw >> 32n);` : ""} }
function switchWord(r, high) { ${sw && sw.field.codec.k === "int64" ? `return high ? ${A(leafColumns(sw)[1]!)}[r] : ${A(leafColumns(sw)[0]!)}[r];` : "return 0;"} }
function switchOf(r) { return ${sw && sw.field.codec.k === "int64" ? `(BigInt(${A(leafColumns(sw)[1]!)}[r]) << 32n) | BigInt(${A(leafColumns(sw)[0]!)}[r])` : "0n"}; }
function packReverse(slot, out, at) {
  const c = G.chunkOf(slot); const o = slot - G.chunkStart(c); const kb = K8[c]; const b = o * ${RB};
  out.fill(0, at, at + ${KB});
  ${rev.join("\n  ")}
  return ${revMac};
}
function unidirectional(slot) { ${uniCol !== undefined ? `const c = G.chunkOf(slot); const o = slot - G.chunkStart(c); return ${E(uniCol, 0)} !== 0;` : "return false;"} }
return { gather, check, scatter, packKey, packKeyWords, eniMac, setEniMac, version, syncState, slotVersion, setSwitch, switchWord, switchOf, packReverse, unidirectional };`;
  const code = checkBlockIndexes(resolve(body), it.columns);
  const fns = new Function(...names, code)(...values) as Omit<SlotCodec, "checkNames" | "checkReasons">;
  return { ...fns, checkNames, checkReasons };
}

/** Splits `records` (SaiDashFlowBatch.entries fields: tag, length, entry) into entry offsets and lengths. */
export function recordOffsets(records: Uint8Array, offsets: Uint32Array, lengths: Uint32Array): number {
  let p = 0;
  let n = 0;
  while (p < records.length) {
    p++; // tag 0x1a
    let len = 0;
    let shift = 0;
    for (;;) {
      const b = records[p++]!;
      len += (b & 127) * 2 ** shift;
      if (b < 128) break;
      shift += 7;
    }
    offsets[n] = p;
    lengths[n] = len;
    n++;
    p += len;
  }
  return n;
}
