/**
 * The flow codecs: protobufjs (reference), the specialized object codec and its columnar form must produce the
 * same bytes and the same entries for every flow, and corrupt or truncated bytes must give error values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderProtoFiles } from "../../generator/emit/proto.js";
import { runPipeline } from "../../generator/pipeline.js";
import type { SaiModel } from "../../generator/model/types.js";
import {
  decodeFlowDataPb,
  FlowCodecError,
  invalidAttrValueStatus,
  loadFlowCodecs,
  loadProtoRoot,
  SAI_STATUS_INVALID_ATTR_VALUE_0,
  type FlowCodecs,
  type FlowDecodeResult,
  type FlowEntry,
} from "../../runtime/proto/index.js";
import { entryArb, richFlowModel, sampleFlow } from "./helpers.js";

const bundled = runPipeline(["sai-headers"]).model;

function codecsOf(model: SaiModel): FlowCodecs {
  const c = loadFlowCodecs(model, renderProtoFiles(model, "// test\n"));
  if (!c) throw new Error("model has no flow entry");
  return c;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

const CODES = new Set(["truncated", "bad-varint", "bad-wire-type", "bad-tag", "bad-length", "out-of-range", "bad-utf8", "too-deep"]);

function expectFailure(r: FlowDecodeResult): void {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(CODES.has(r.error.code), r.error.code).toBe(true);
    expect(r.error.message.length).toBeGreaterThan(0);
  }
}

describe.each([
  ["bundled headers", () => codecsOf(bundled)],
  ["rich model (every flow value kind, extensions)", () => codecsOf(richFlowModel())],
])("%s", (_, make) => {
  const c = make();
  const { protobufjs: ref, specialized: fast } = c;

  it("all paths write the same bytes, and every path reads every entry back losslessly", () => {
    const cols = fast.createColumns(4);
    fc.assert(
      fc.property(entryArb(c.layout), fc.integer({ min: 0, max: 3 }), (entry, row) => {
        const want = hex(ref.encodeFlowEntry(entry));
        expect(hex(fast.encodeFlowEntry(entry))).toBe(want);
        fast.writeRow(cols, row, entry);
        expect(hex(fast.encodeRow(cols, row))).toBe(want);
        const bytes = Uint8Array.from(Buffer.from(want, "hex"));
        for (const codec of [ref, fast]) expect(codec.decodeFlowEntry(bytes)).toEqual({ ok: true, value: entry });
        expect(fast.decodeRow(bytes, cols, row)).toBeNull();
        expect(fast.readRow(cols, row)).toEqual(entry);
      }),
      { numRuns: 300 },
    );
  });

  it("fields in any order, repeated or mixed with unknown ones decode as protobufjs decodes them (the in-order fast path falls back)", () => {
    const cols = fast.createColumns(2);
    fc.assert(
      fc.property(entryArb(c.layout), entryArb(c.layout), fc.integer(), (a, b, seed) => {
        // fields of both entries, shuffled at the top level and inside each sub-message, plus an unknown field
        const shuffled = shuffleFields(concat(ref.encodeFlowEntry(a), ref.encodeFlowEntry(b), Uint8Array.of(0xf8, 0x3f, 0x07)), seed, 1);
        const want = ref.decodeFlowEntry(shuffled);
        expect(want.ok).toBe(true);
        expect(fast.decodeFlowEntry(shuffled)).toEqual(want);
        fast.writeRow(cols, 1, a); // leftovers from an earlier row must not survive a fresh decode
        expect(fast.decodeRow(shuffled, cols, 1)).toBeNull();
        if (want.ok) expect(fast.readRow(cols, 1)).toEqual(want.value);
      }),
      { numRuns: 300 },
    );
  });

  it("absent fields decode to zero values, so empty bytes are the all-zero flow", () => {
    const empty = new Uint8Array(0);
    const r = fast.decodeFlowEntry(empty);
    expect(r).toEqual(ref.decodeFlowEntry(empty));
    expect(r.ok && hex(fast.encodeFlowEntry(r.value))).toBe(hex(ref.encodeFlowEntry((r as { value: FlowEntry }).value)));
  });

  // The specialized decoders check C sizes and widths on every occurrence of a field, protobufjs only on the merged
  // result; so bytes that repeat a field after an invalid first occurrence (never written by an encoder) may be
  // refused by the specialized path and accepted by the reference — never the other way round.
  it("truncation and corruption give error values, never exceptions; the decoders agree", () => {
    const cols = fast.createColumns(1);
    const agree = (bytes: Uint8Array) => {
      const a = ref.decodeFlowEntry(bytes);
      const b = fast.decodeFlowEntry(bytes);
      const rowFail = fast.decodeRow(bytes, cols, 0);
      if (b.ok) expect(a.ok).toBe(true);
      expect(rowFail === null).toBe(b.ok);
      if (!a.ok) expectFailure(a);
      if (!b.ok) expectFailure(b);
      if (a.ok && b.ok) {
        expect(b.value).toEqual(a.value);
        expect(fast.readRow(cols, 0)).toEqual(a.value);
      }
    };
    fc.assert(
      fc.property(
        entryArb(c.layout),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.nat(),
        (entry, flips, cut) => {
          const good = Uint8Array.from(ref.encodeFlowEntry(entry));
          agree(good.subarray(0, cut % (good.length + 1)));
          const bad = Uint8Array.from(good);
          for (const [i, v] of flips) if (bad.length) bad[i % bad.length] = v;
          agree(bad);
        },
      ),
      { numRuns: 400 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (junk) => agree(junk)), { numRuns: 400 });
  });

  it("refuses values that do not fit their fields, on every path", () => {
    const entry = sampleLike(c);
    const badState = { ...entry, flow_key: { ...entry.flow_key, [c.layout.key.fields[1]!.name]: new Uint8Array(5) } };
    for (const codec of [ref, fast]) expect(() => codec.encodeFlowEntry(badState as FlowEntry)).toThrow(FlowCodecError);
    expect(() => fast.writeRow(fast.createColumns(1), 0, badState as FlowEntry)).toThrow(FlowCodecError);
  });
});

/** A zero flow of a layout (valid for every model). */
function sampleLike(c: FlowCodecs): FlowEntry {
  const r = c.specialized.decodeFlowEntry(new Uint8Array(0));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("bundled headers: the sample flow", () => {
  const c = codecsOf(bundled);

  it("has a stable encoding", () => {
    const bytes = c.specialized.encodeFlowEntry(sampleFlow());
    expect(hex(bytes)).toBe(hex(c.protobufjs.encodeFlowEntry(sampleFlow())));
    // switch_id 0x21000000000000 takes 8 varint bytes; every IP address is a 7-byte IpAddress (IPv6: 20), except
    // underlay1_sip 0.0.0.0, left out (8 bytes with its 2-byte tag and length) as a zero MAC would be
    expect(bytes.length).toBe(222);
  });

  it("leaves out all-zero MACs and the IPv4 address 0.0.0.0 (they decode back as zero); IPv6 :: keeps its family", () => {
    const base = sampleFlow();
    const zeroMac = { ...base, flow_state: { ...base.flow_state, underlay1_smac: new Uint8Array(6) } };
    const v6zero = { ...base, flow_state: { ...base.flow_state, underlay1_sip: { family: "ipv6", bytes: new Uint8Array(16) } } };
    const cols = c.specialized.createColumns(1);
    for (const [entry, size] of [
      [zeroMac, 222 - 10], // tag 2 + length 1 + 6 bytes, and flow_state's length prefix drops to 1 byte (< 128)
      [v6zero, 222 + 21], // tag 2 + length 1 + IpAddress{ipv6: 16 bytes} 18
    ] as const) {
      const want = hex(c.protobufjs.encodeFlowEntry(entry));
      expect(hex(c.specialized.encodeFlowEntry(entry))).toBe(want);
      c.specialized.writeRow(cols, 0, entry);
      expect(hex(c.specialized.encodeRow(cols, 0))).toBe(want);
      expect(want.length / 2).toBe(size);
      expect(c.specialized.decodeFlowEntry(Uint8Array.from(Buffer.from(want, "hex")))).toEqual({ ok: true, value: entry });
    }
  });

  it("narrow integers out of their C range are corrupt input (ip_proto 300)", () => {
    // SaiDashFlowEntry{flow_key{ip_proto: 300}}: 0a 03 | 20 ac 02
    const bytes = new Uint8Array([0x0a, 0x03, 0x20, 0xac, 0x02]);
    for (const codec of [c.protobufjs, c.specialized]) {
      const r = codec.decodeFlowEntry(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("out-of-range");
    }
  });

  it("a MAC of the wrong size is corrupt input; an empty one is absent (zero)", () => {
    const five = new Uint8Array([0x0a, 0x07, 0x12, 0x05, 1, 2, 3, 4, 5]);
    const none = new Uint8Array([0x0a, 0x02, 0x12, 0x00]);
    for (const codec of [c.protobufjs, c.specialized]) {
      const r = codec.decodeFlowEntry(five);
      expect(!r.ok && r.error.code).toBe("bad-length");
      const z = codec.decodeFlowEntry(none);
      expect(z.ok && z.value.flow_key.eni_mac).toEqual(new Uint8Array(6));
    }
  });

  it("unknown fields (a newer header's attributes) are skipped", () => {
    const base = c.specialized.encodeFlowEntry(sampleFlow());
    // field 1000 (varint 7) and field 1001 (bytes "hi") appended at the top level
    const extra = new Uint8Array([...base, 0xc0, 0x3e, 0x07, 0xca, 0x3e, 0x02, 0x68, 0x69]);
    for (const codec of [c.protobufjs, c.specialized]) expect(codec.decodeFlowEntry(extra)).toEqual({ ok: true, value: sampleFlow() });
  });

  it("output crossing the encoder's 1 MiB slabs (grow mid-message) is still exact", () => {
    const flows = Array.from({ length: 6000 }, (_, i) => ({ ...sampleFlow(), flow_state: { ...sampleFlow().flow_state, version: i } }));
    const one = flows.map((f) => hex(c.protobufjs.encodeFlowEntry(f)));
    expect(flows.map((f) => hex(c.specialized.encodeFlowEntry(f)))).toEqual(one);
    const batch = c.specialized.encodeBatchEntries(flows);
    expect(batch.length).toBeGreaterThan(1 << 20);
    const Batch = loadProtoRoot(renderProtoFiles(bundled, "// test\n")).lookupType("sai.SaiDashFlowBatch");
    const decoded = Batch.decode(batch) as unknown as { entries: unknown[] };
    expect(decoded.entries.length).toBe(6000);
    expect(hex(Batch.encode(decoded).finish())).toBe(hex(batch));
  });

  it("batches: the entries field of SaiDashFlowBatch is each entry, tagged and length-prefixed", () => {
    const flows = [sampleFlow(), sampleFlow()];
    const one = c.specialized.encodeFlowEntry(flows[0]!);
    const batch = c.specialized.encodeBatchEntries(flows);
    const framed = [0x1a, ...varint(one.length), ...one];
    expect(hex(batch)).toBe(hex(new Uint8Array([...framed, ...framed])));
    const cols = c.specialized.createColumns(2);
    flows.forEach((f, i) => c.specialized.writeRow(cols, i, f));
    expect(hex(c.specialized.encodeRows(cols, 0, 2))).toBe(hex(batch));
  });

  // each framing site reserves one or two length bytes by the size of its previous message: the sizes below switch
  // both ways, for the entry and for its flow_state
  it("batches frame entries of every size (1-, 2- and 3-byte lengths) exactly like protobufjs, whatever the order", () => {
    const Batch = loadProtoRoot(renderProtoFiles(bundled, "// test\n")).lookupType("sai.SaiDashFlowBatch");
    const small = { ...sampleFlow(), flow_state: {} } as FlowEntry;
    const big = { ...sampleFlow(), flow_state: { ...sampleFlow().flow_state, vendor_metadata: Array.from({ length: 20_000 }, (_, i) => i & 255) } } as FlowEntry;
    const flows = [small, sampleFlow(), big, small, small, sampleFlow(), sampleFlow(), big, big, small];
    const cols = c.specialized.createColumns(flows.length);
    flows.forEach((f, i) => c.specialized.writeRow(cols, i, f));
    const Entry = loadProtoRoot(renderProtoFiles(bundled, "// test\n")).lookupType("sai.SaiDashFlowEntry");
    const want = hex(Batch.encode(Batch.fromObject({ entries: flows.map((f) => Entry.toObject(Entry.decode(c.protobufjs.encodeFlowEntry(f)))) })).finish());
    expect(hex(c.specialized.encodeBatchEntries(flows))).toBe(want);
    expect(hex(c.specialized.encodeRows(cols, 0, flows.length))).toBe(want);
  });

  it("encodeRowInto writes a row into the caller's array without disturbing the shared slab", () => {
    const cols = c.specialized.createColumns(2);
    c.specialized.writeRow(cols, 0, sampleFlow());
    const want = hex(c.specialized.encodeRow(cols, 0));
    const before = c.specialized.encodeRow(cols, 0); // a slab view handed out earlier must stay intact
    const target = new Uint8Array(1000).fill(0xee);
    const n = c.specialized.encodeRowInto(cols, 0, target, 7);
    expect(hex(target.subarray(7, 7 + n))).toBe(want);
    expect(target[6]).toBe(0xee);
    expect(target[7 + n]).toBe(0xee);
    // too small: minus the length needed, and the codec keeps working
    expect(c.specialized.encodeRowInto(cols, 0, new Uint8Array(10), 0)).toBe(-n);
    expect(hex(c.specialized.encodeRow(cols, 0))).toBe(want);
    expect(hex(before)).toBe(want);
    expect(() => c.specialized.encodeRowInto(cols, 0, target, 1001)).toThrow(RangeError);
  });
});

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

describe("FLOW_DATA_PB", () => {
  const c = codecsOf(bundled);

  it("decodes the attribute value (bytes or a u8 list)", () => {
    const bytes = c.specialized.encodeFlowEntry(sampleFlow());
    expect(decodeFlowDataPb(c.specialized, bytes, 0)).toEqual({ ok: true, value: sampleFlow() });
    expect(decodeFlowDataPb(c.protobufjs, Array.from(bytes), 3)).toEqual({ ok: true, value: sampleFlow() });
  });

  it.each([
    [0, -0x20000],
    [1, -0x20001],
    [7, -0x20007],
  ])("a corrupt value at attribute index %i reports SAI_STATUS_INVALID_ATTR_VALUE_0 + %i", (index, status) => {
    const bytes = c.specialized.encodeFlowEntry(sampleFlow()).subarray(0, 40);
    const r = decodeFlowDataPb(c.specialized, bytes, index);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ status, index, code: "truncated" });
    expect(r.error.status).toBe(invalidAttrValueStatus(index));
    expect(SAI_STATUS_INVALID_ATTR_VALUE_0 - index).toBe(status);
    expect(r.error.message).toMatch(new RegExp(`^FLOW_DATA_PB \\(attribute ${index}\\) is not a SaiDashFlowEntry: `));
  });

  it("a u8 list element outside 0..255 or a count-only list is an invalid value", () => {
    expect(decodeFlowDataPb(c.specialized, [1, 256], 2)).toMatchObject({ ok: false, error: { status: -0x20002, code: "invalid-value", index: 2 } });
    expect(decodeFlowDataPb(c.specialized, { count: 5, list: null }, 0)).toMatchObject({ ok: false, error: { code: "invalid-value" } });
  });
});

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Splits a message into its fields (raw bytes each, tag included); `len` gives the body span of LEN fields. */
function splitFields(b: Uint8Array): { raw: Uint8Array; tag: number; body?: Uint8Array }[] {
  const out: { raw: Uint8Array; tag: number; body?: Uint8Array }[] = [];
  let p = 0;
  const varint = (): number => {
    let v = 0;
    for (let s = 0; ; s += 7) {
      const x = b[p++]!;
      v += (x & 127) * 2 ** s;
      if (x < 128) return v;
    }
  };
  while (p < b.length) {
    const start = p;
    const tag = varint();
    let body: Uint8Array | undefined;
    switch (tag & 7) {
      case 0:
        varint();
        break;
      case 1:
        p += 8;
        break;
      case 2: {
        const n = varint();
        body = b.subarray(p, p + n);
        p += n;
        break;
      }
      case 5:
        p += 4;
        break;
      default:
        throw new Error(`test: wire type ${tag & 7}`);
    }
    out.push({ raw: b.subarray(start, p), tag, body });
  }
  return out;
}

/** Re-encodes a message with its fields in a seeded random order, recursing `depth` levels into LEN fields that parse as messages. */
function shuffleFields(b: Uint8Array, seed: number, depth: number): Uint8Array {
  let x = seed | 0 || 1;
  const rnd = () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ (x + 0x9e3779b9)) >>> 0) / 2 ** 32;
  const fields = splitFields(b).map((f) => {
    if (depth === 0 || !f.body || (f.tag >>> 3) > 3) return f.raw; // only the entry's three sub-messages recurse
    const inner = shuffleFields(f.body, seed + f.tag, depth - 1);
    const head: number[] = [];
    for (let t = f.tag; ; t = Math.floor(t / 128)) {
      if (t < 128) {
        head.push(t);
        break;
      }
      head.push((t & 127) | 128);
    }
    for (let n = inner.length; ; n = Math.floor(n / 128)) {
      if (n < 128) {
        head.push(n);
        break;
      }
      head.push((n & 127) | 128);
    }
    return concat(Uint8Array.from(head), inner);
  });
  for (let i = fields.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [fields[i], fields[j]] = [fields[j]!, fields[i]!];
  }
  return concat(...fields);
}
