/**
 * The specialized flow codec: JavaScript source generated from the flow layout (and so from the model), compiled
 * once with `new Function`. It writes and reads the protobuf wire format directly — no reflection, no
 * intermediate message objects — and is byte-identical to protobufjs, which stays the reference (tests compare
 * both). PERFORMANCE.md: reflection runs at ~0.5M entries/s, which is too slow for bulk get and HA sync.
 *
 * Every field gets straight-line code for its number and value kind; the shared wire primitives below
 * (varints, sub-message framing, skipping unknown fields) are generic and written once.
 */
import { FlowCodecError, type FlowCodec, type FlowCodecFailure, type FlowDecodeResult, type FlowEntry, type FlowValue } from "./codec.js";
import type { Codec, FlowFieldLayout, FlowLayout, FlowMessageLayout } from "./schema.js";

/** Wire primitives shared by every generated codec. */
const PRELUDE = String.raw`
"use strict";
const FlowCodecError = rt.FlowCodecError;
const EMPTY = new Uint8Array(0);
const NOTHING = Object.freeze({});
const U64_MAX = 0xffffffffffffffffn, I64_MIN = -0x8000000000000000n, I64_MAX = 0x7fffffffffffffffn, TWO64 = 0x10000000000000000n;

// ---- encoding: messages are written into a slab and returned as views of it (typed arrays above 64 bytes live
// off-heap and cost far more to allocate than to fill); a full slab is left to the views that still use it
const SLAB = 1 << 20;
// every byte handed out is written first, so slabs need no zeroing (Node's Buffer pool relies on the same)
const raw = typeof Buffer === "function" && typeof Buffer.allocUnsafeSlow === "function"
  ? (n) => { const b = Buffer.allocUnsafeSlow(n); return new Uint8Array(b.buffer, b.byteOffset, n); }
  : (n) => new Uint8Array(n);
let buf = raw(SLAB), bufAB = buf.buffer, bufOff = buf.byteOffset, pos = 0, start = 0;
function grow(n) {
  const used = pos - start;
  let size = SLAB;
  while (size < used + n + 64) size *= 2;
  const nb = raw(size);
  nb.set(buf.subarray(start, pos));
  buf = nb; bufAB = nb.buffer; bufOff = nb.byteOffset; start = 0; pos = used;
}
// a view built from the ArrayBuffer is cheaper than subarray() (no species lookup)
function out() { return new Uint8Array(bufAB, bufOff + start, pos - start); }
function bad(path, what) { throw new FlowCodecError("invalid-value", path + ": expected " + what); }
function wv(v) { while (v > 127) { buf[pos++] = (v & 127) | 128; v >>>= 7; } buf[pos++] = v; }
function wv64(lo, hi) {
  while (hi) { buf[pos++] = (lo & 127) | 128; lo = ((lo >>> 7) | (hi << 25)) >>> 0; hi >>>= 7; }
  while (lo > 127) { buf[pos++] = (lo & 127) | 128; lo >>>= 7; }
  buf[pos++] = lo;
}
function ws32(v) { if (v >= 0) wv(v); else wv64(v >>> 0, 0xffffffff); }
// the switch id repeats in every key, so the last split is cached (only values valid for either signedness)
let lo = 0, hi = 0, cB = -1n, cLo = 0, cHi = 0;
function split(v, signed, path) {
  if (v === cB) { lo = cLo; hi = cHi; return; }
  if (typeof v !== "bigint") bad(path, signed ? "a signed 64-bit bigint" : "an unsigned 64-bit bigint");
  if (signed ? v < I64_MIN || v > I64_MAX : v < 0n || v > U64_MAX) bad(path, signed ? "a signed 64-bit bigint" : "an unsigned 64-bit bigint");
  const u = v < 0n ? v + TWO64 : v;
  lo = Number(u & 0xffffffffn); hi = Number(u >> 32n);
  if (v >= 0n && v <= I64_MAX) { cB = v; cLo = lo; cHi = hi; }
}
// frame offsets are relative to the message start, so they survive grow() moving the message to a new slab;
// begin2/end reserve two length bytes for messages of 128..16383 bytes, so those need no shift; each framing site
// picks one or two bytes by the size of its previous message (WIDE[site]), as flows of one stream are alike
function begin() { if (pos + 1 > buf.length) grow(1); return pos++ - start; }
function begin2() { if (pos + 2 > buf.length) grow(2); pos += 2; return -(pos - start - 2) - 1; }
function end(r) {
  const two = r < 0, s = start + (two ? -r - 1 : r), body = s + (two ? 2 : 1);
  const len = pos - body;
  if (two && len >= 128 && len < 16384) { buf[s] = (len & 127) | 128; buf[s + 1] = len >>> 7; return len; }
  if (!two && len < 128) { buf[s] = len; return len; }
  let n = 1; while (len >= 2 ** (7 * n)) n++;
  if (s + n !== body) {
    if (pos + n > buf.length) grow(n);
    const s2 = start + (two ? -r - 1 : r), b2 = s2 + (two ? 2 : 1);
    buf.copyWithin(s2 + n, b2, pos);
    pos += s2 + n - b2;
    let v = len, p = s2;
    while (v > 127) { buf[p++] = (v & 127) | 128; v >>>= 7; }
    buf[p] = v;
    return len;
  }
  let v = len, p = s;
  while (v > 127) { buf[p++] = (v & 127) | 128; v >>>= 7; }
  buf[p] = v;
  return len;
}
function items(v, path) {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === "object" && v.list === null && v.count === 0) return [];
  return bad(path, "an array (a count-only list cannot be encoded)");
}
function isBytes(v, n) { return v instanceof Uint8Array && (n < 0 || v.length === n); }
function ipv4(v, path) {
  if (v === null || typeof v !== "object" || v.family !== "ipv4" || !isBytes(v.bytes, 4)) bad(path, "an IPv4 address {family: 'ipv4', bytes: 4 bytes}");
  return v.bytes;
}
function ipv6(v, path) {
  if (v === null || typeof v !== "object" || v.family !== "ipv6" || !isBytes(v.bytes, 16)) bad(path, "an IPv6 address {family: 'ipv6', bytes: 16 bytes}");
  return v.bytes;
}
// all-zero fixed-size values (MAC, IPv6, fixed bytes, the IPv4 address 0.0.0.0) are left out, like zero scalars
function nz(b, n) { for (let i = 0; i < n; i++) if (b[i] !== 0) return true; return false; }
function zip4(v) { return v !== null && typeof v === "object" && v.family === "ipv4" && isBytes(v.bytes, 4) && (v.bytes[0] | v.bytes[1] | v.bytes[2] | v.bytes[3]) === 0; }
function w4(b) { buf[pos] = b[3]; buf[pos + 1] = b[2]; buf[pos + 2] = b[1]; buf[pos + 3] = b[0]; pos += 4; }
function wn(b, n) { for (let i = 0; i < n; i++) buf[pos + i] = b[i]; pos += n; }
// IpAddress: oneof { fixed32 ipv4 = 1; bytes ipv6 = 2 }, length prefix included
function wip(v, path) {
  if (v !== null && typeof v === "object" && v.family === "ipv4") { const b = ipv4(v, path); buf[pos++] = 5; buf[pos++] = 13; w4(b); return; }
  const b = ipv6(v, path); buf[pos++] = 18; buf[pos++] = 18; buf[pos++] = 16; wn(b, 16);
}
// IpPrefix: oneof { Ipv4Prefix ipv4 = 1; Ipv6Prefix ipv6 = 2 }, length prefix included
function wprefix(v, path) {
  if (v === null || typeof v !== "object") bad(path, "an IP prefix {family, addr, mask}");
  if (v.family === "ipv4") {
    if (!isBytes(v.addr, 4) || !isBytes(v.mask, 4)) bad(path, "an IPv4 prefix with 4-byte addr and mask");
    const a = v.addr[0] | v.addr[1] | v.addr[2] | v.addr[3], m = v.mask[0] | v.mask[1] | v.mask[2] | v.mask[3];
    const inner = (a ? 5 : 0) + (m ? 5 : 0);
    buf[pos++] = inner + 2; buf[pos++] = 10; buf[pos++] = inner;
    if (a) { buf[pos++] = 13; w4(v.addr); }
    if (m) { buf[pos++] = 21; w4(v.mask); }
    return;
  }
  if (v.family !== "ipv6" || !isBytes(v.addr, 16) || !isBytes(v.mask, 16)) bad(path, "an IP prefix {family, addr, mask}");
  buf[pos++] = 38; buf[pos++] = 18; buf[pos++] = 36;
  buf[pos++] = 10; buf[pos++] = 16; wn(v.addr, 16);
  buf[pos++] = 18; buf[pos++] = 16; wn(v.mask, 16);
}
function utf8len(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) n += 1;
    else if (c < 2048) n += 2;
    else if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { i++; n += 4; }
    else n += 3;
  }
  return n;
}
function wutf8(s) {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 128) buf[pos++] = c;
    else if (c < 2048) { buf[pos++] = (c >> 6) | 192; buf[pos++] = (c & 63) | 128; }
    else if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c & 0x03ff) << 10) + (s.charCodeAt(++i) & 0x03ff);
      buf[pos++] = (c >> 18) | 240; buf[pos++] = ((c >> 12) & 63) | 128; buf[pos++] = ((c >> 6) & 63) | 128; buf[pos++] = (c & 63) | 128;
    } else { buf[pos++] = (c >> 12) | 224; buf[pos++] = ((c >> 6) & 63) | 128; buf[pos++] = (c & 63) | 128; }
  }
}

// ---- decoding: bounds are explicit; every read checks the end of the message it is in
let d = EMPTY, p = 0;
// offsets in errors count from the entry's first byte (\`base\`: where decodeRowAt started)
let base = 0;
function fail(code, msg) { throw new FlowCodecError(code, msg + " (byte " + (p - base) + ")", p - base); }
function rv(end) {
  let v = 0, s = 0, b;
  for (;;) {
    if (p >= end) fail("truncated", "input ends inside a varint");
    b = d[p++];
    if (s < 32) v |= (b & 127) << s;
    if (b < 128) return v >>> 0;
    s += 7;
    if (s >= 70) fail("bad-varint", "varint longer than 10 bytes");
  }
}
let rlo = 0, rhi = 0;
function rv64(end) { p = rv64q(d, p, end); }
// a 64-bit varint into rlo/rhi, on the caller's cursor and bytes (locals: the columnar decoders' switch ids read it
// without going through the shared p/d); returns the cursor after it
function rv64q(D, q, end) {
  let l = 0, h = 0, s = 0, b;
  for (;;) {
    if (q >= end) { p = q; fail("truncated", "input ends inside a varint"); }
    b = D[q++];
    if (s < 28) l |= (b & 127) << s;
    else if (s === 28) { l |= (b & 127) << 28; h |= (b & 127) >>> 4; }
    else if (s < 64) h |= (b & 127) << (s - 32);
    if (b < 128) break;
    s += 7;
    if (s >= 70) { p = q; fail("bad-varint", "varint longer than 10 bytes"); }
  }
  rlo = l >>> 0; rhi = h >>> 0;
  return q;
}
let dB = 0n, dLo = 0, dHi = 0;
function big(signed) {
  let v;
  if (rlo === dLo && rhi === dHi) v = dB;
  else { v = rhi === 0 ? BigInt(rlo) : (BigInt(rhi) << 32n) | BigInt(rlo); dB = v; dLo = rlo; dHi = rhi; }
  return signed && rhi > 0x7fffffff ? BigInt.asIntN(64, v) : v;
}
// lengths and tags follow protobuf's limits: at most 5 bytes, lengths below 2^31, tags within 32 bits
function r5(end, max5th, what) {
  let v = 0;
  for (let s = 0; s < 28; s += 7) {
    if (p >= end) fail("truncated", "input ends inside a " + what);
    const b = d[p++];
    v |= (b & 127) << s;
    if (b < 128) return v >>> 0;
  }
  if (p >= end) fail("truncated", "input ends inside a " + what);
  const b = d[p++];
  if (b > max5th) fail("bad-varint", "invalid " + what + " encoding");
  return (v | (b << 28)) >>> 0;
}
function rbool(end) {
  let v = false;
  for (let i = 0; i < 10; i++) {
    if (p >= end) fail("truncated", "input ends inside a varint");
    const b = d[p++];
    if (b & 127) v = true;
    if (b < 128) return v;
  }
  fail("bad-varint", "varint longer than 10 bytes");
}
function rlen(end) {
  const n = d[p] < 128 && p < end ? d[p++] : r5(end, 7, "length");
  if (n > end - p) fail(end === d.length ? "truncated" : "bad-length", "length " + n + " runs past the end of its message");
  return n;
}
// decoded MACs and addresses are small views of a shared slab: a view costs less than a fresh typed array, and
// the ranges never overlap, so each value can still be changed on its own
let vs = raw(SLAB), vab = vs.buffer, vo = vs.byteOffset, vp = 0;
function vslot(n) {
  if (vp + n > SLAB) { vs = raw(SLAB); vab = vs.buffer; vo = vs.byteOffset; vp = 0; }
  const at = vp;
  vp += n;
  return at;
}
function r4(end) {
  if (end - p < 4) fail("truncated", "input ends inside a fixed32");
  const at = vslot(4);
  vs[at] = d[p + 3]; vs[at + 1] = d[p + 2]; vs[at + 2] = d[p + 1]; vs[at + 3] = d[p];
  p += 4;
  return new Uint8Array(vab, vo + at, 4);
}
function rn(n) {
  const at = vslot(n);
  for (let i = 0; i < n; i++) vs[at + i] = d[p + i];
  p += n;
  return new Uint8Array(vab, vo + at, n);
}
// a bytes field of C length n: empty means absent (proto3), any other size is corrupt
function rfixed(end, n, path, what) {
  const len = rlen(end);
  if (len === 0) return undefined;
  if (len !== n) fail("bad-length", path + ": " + what + " of " + len + " bytes, expected " + n);
  return rn(n);
}
function skip(t, end, depth) {
  switch (t & 7) {
    case 0: rv64(end); return;
    case 1: if (end - p < 8) fail("truncated", "input ends inside a fixed64"); p += 8; return;
    case 2: { const n = rlen(end); p += n; return; }
    case 5: if (end - p < 4) fail("truncated", "input ends inside a fixed32"); p += 4; return;
    case 3: {
      if (depth > 100) fail("too-deep", "groups nested deeper than 100");
      for (;;) {
        const g = tag(end);
        if ((g & 7) === 4) { if (g >>> 3 !== t >>> 3) fail("bad-wire-type", "end-group of another field"); return; }
        if (g >>> 3 === 0) fail("bad-tag", "field number 0");
        skip(g, end, depth + 1);
      }
    }
    default: fail("bad-wire-type", "wire type " + (t & 7) + " of field " + (t >>> 3));
  }
}
function tag(end) {
  const t = d[p];
  if (t < 128) { p++; return t; }
  if (p + 1 < end && d[p + 1] < 128) { const v = (t & 127) | (d[p + 1] << 7); p += 2; return v; }
  return r5(end, 15, "tag");
}
function unknown(t, end) { if (t >>> 3 === 0) fail("bad-tag", "field number 0"); skip(t, end, 0); }
function dip(end, prev, path) {
  let cur = prev;
  while (p < end) {
    const t = tag(end);
    if (t === 13) cur = { family: "ipv4", bytes: r4(end) };
    else if (t === 18) {
      const n = rlen(end);
      if (n !== 16) fail("bad-length", path + ": IPv6 address of " + n + " bytes, expected 16");
      cur = { family: "ipv6", bytes: rn(16) };
    } else unknown(t, end);
  }
  return cur === undefined ? { family: "ipv4", bytes: new Uint8Array(4) } : cur;
}
function dprefix(end, prev, path) {
  let fam = prev === undefined ? undefined : prev.family, addr = fam ? prev.addr : undefined, mask = fam ? prev.mask : undefined;
  while (p < end) {
    const t = tag(end);
    if (t === 10 || t === 18) {
      const v6 = t === 18, sub = rlen(end) + p;
      let a = fam === (v6 ? "ipv6" : "ipv4") ? addr : undefined, m = fam === (v6 ? "ipv6" : "ipv4") ? mask : undefined;
      while (p < sub) {
        const u = tag(sub);
        if (!v6 && u === 13) a = r4(sub);
        else if (!v6 && u === 21) m = r4(sub);
        else if (v6 && u === 10) a = rfixed(sub, 16, path, "IPv6 prefix address") ?? undefined;
        else if (v6 && u === 18) m = rfixed(sub, 16, path, "IPv6 prefix mask") ?? undefined;
        else unknown(u, sub);
      }
      fam = v6 ? "ipv6" : "ipv4";
      addr = a === undefined ? new Uint8Array(v6 ? 16 : 4) : a;
      mask = m === undefined ? new Uint8Array(v6 ? 16 : 4) : m;
    } else unknown(t, end);
  }
  return fam === undefined ? { family: "ipv4", addr: new Uint8Array(4), mask: new Uint8Array(4) } : { family: fam, addr, mask };
}
// proto3 strings must be UTF-8; protobuf runtimes reject anything else
const TD = new TextDecoder("utf-8", { fatal: true });
function utf8(end, n) {
  let s;
  try { s = TD.decode(d.subarray(p, p + n)); } catch { fail("bad-utf8", "string is not UTF-8"); }
  p += n;
  return s;
}
`;

const WIRE = { varint: 0, fixed64: 1, len: 2, fixed32: 5 } as const;

/** Varint bytes of a tag (field numbers reach 2^28, so the tag can exceed int32: no bit operators). */
function tagValue(number: number, wire: number): number {
  return number * 8 + wire;
}
function varintBytes(v: number): number[] {
  const out: number[] = [];
  while (v > 127) {
    out.push((v % 128) + 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
function writeTag(number: number, wire: number): string {
  return varintBytes(tagValue(number, wire))
    .map((b) => `buf[pos++] = ${b};`)
    .join(" ");
}

const lit = (s: string) => JSON.stringify(s);

function intCheck(c: { bits: number; signed: boolean }, v: string): string {
  if (c.signed) return c.bits === 32 ? `(${v} | 0) !== ${v}` : `((${v} << ${32 - c.bits}) >> ${32 - c.bits}) !== ${v}`;
  return c.bits === 32 ? `(${v} >>> 0) !== ${v}` : `(${v} & ${2 ** c.bits - 1}) !== ${v}`;
}
function intWhat(c: { bits: number; signed: boolean }): string {
  return lit(`${c.signed ? "a signed" : "an unsigned"} ${c.bits}-bit integer`);
}

/** Maximum encoded size of one value of a fixed-size kind (without tag); null for variable sizes. */
function maxSize(c: Codec): number | null {
  switch (c.k) {
    case "bool":
      return 1;
    case "int":
    case "int64":
      return 10;
    case "mac":
      return 7;
    case "ipv4":
      return 4;
    case "ipv6":
      return 17;
    case "ipaddr":
      return 19;
    case "prefix":
      return 39;
    case "range":
      return 5 + 2 * 11;
    default:
      return null;
  }
}

/** Rough encoded size of a message whose fixed-size fields are all set (variable fields count 8 bytes). */
function typicalSize(m: FlowMessageLayout): number {
  let n = 0;
  for (const f of m.fields) n += 2 + (f.message ? typicalSize(f.message) : (maxSize(f.codec) ?? 8));
  return n;
}

/**
 * Framing sites: each length-delimited sub-message site reserves one or two length bytes by the size of the message
 * it framed last (`WIDE[site]`, starting from the message's size with every field set), so a stream of alike flows
 * shifts no bytes whatever their size.
 */
class FrameSites {
  private readonly initial: number[] = [];
  /** `[open, close]` code for a new site framing `m`: `const s = open; …; close`. */
  site(m: FlowMessageLayout): [string, string] {
    const k = this.initial.length;
    this.initial.push(typicalSize(m) >= 128 ? 1 : 0);
    return [`(WIDE[${k}] === 1 ? begin2() : begin())`, `WIDE[${k}] = end(s) >= 128 ? 1 : 0;`];
  }
  source(): string {
    return `const WIDE = Uint8Array.of(${this.initial.join(", ")});`;
  }
}

class Gen {
  /** Sub-message framing sites (one or two reserved length bytes each). */
  readonly frames = new FrameSites();
  private readonly fnIds = new Map<FlowMessageLayout, number>();
  private readonly out: string[] = [];

  fn(m: FlowMessageLayout): number {
    let id = this.fnIds.get(m);
    if (id !== undefined) return id;
    id = this.fnIds.size;
    this.fnIds.set(m, id);
    // children first so each function is defined once, then this message's encoder and decoder
    for (const f of m.fields) if (f.message) this.fn(f.message);
    this.out.push(this.encoder(m, id), this.decoder(m, id));
    return id;
  }

  source(): string {
    return this.out.join("\n");
  }

  private encoder(m: FlowMessageLayout, id: number): string {
    const body = m.fields.map((f) => this.encField(f, `${m.name}.${f.name}`)).join("\n");
    return `// ${m.name}\nfunction e${id}(m, at) {\n  if (m === undefined) m = NOTHING;\n  else if (m === null || typeof m !== "object") bad(at, "an object");\n  let v;\n${body}\n}`;
  }

  /** Straight-line code that writes one field of record `m`. */
  encField(f: FlowFieldLayout, path: string, src = `m[${lit(f.name)}]`): string {
    const c = f.codec;
    const P = lit(path);
    const head = `  v = ${src};`;
    if (f.message) {
      const id = this.fnIds.get(f.message)!;
      const [open, close] = this.frames.site(f.message);
      return `${head}\n  if (pos + 5 > buf.length) grow(5); ${writeTag(f.number, WIRE.len)} { const s = ${open}; e${id}(v, ${P}); ${close} }`;
    }
    const T = varintBytes(tagValue(f.number, 7)).length;
    const ens = (n: number | string) => `if (pos + ${T} + ${n} > buf.length) grow(${T} + ${n});`;
    switch (c.k) {
      case "bool":
        return `${head}\n  if (v !== undefined && v !== false) { if (v !== true) bad(${P}, "a boolean"); ${ens(1)} ${writeTag(f.number, WIRE.varint)} buf[pos++] = 1; }`;
      case "int":
        return `${head}\n  if (v !== undefined && v !== 0) { if (${intCheck(c, "v")}) bad(${P}, ${intWhat(c)}); ${ens(10)} ${writeTag(f.number, WIRE.varint)} ${c.signed ? "ws32(v);" : "wv(v);"} }`;
      case "int64":
        return `${head}\n  if (v !== undefined && v !== 0n) { split(v, ${c.signed}, ${P}); ${ens(10)} ${writeTag(f.number, WIRE.varint)} wv64(lo, hi); }`;
      case "mac":
        return `${head}\n  if (v !== undefined) { if (!isBytes(v, 6)) bad(${P}, "a MAC (6 bytes)"); if (nz(v, 6)) { ${ens(7)} ${writeTag(f.number, WIRE.len)} buf[pos++] = 6; wn(v, 6); } }`;
      case "ipv4":
        return `${head}\n  if (v !== undefined) { const b = ipv4(v, ${P}); if (b[0] | b[1] | b[2] | b[3]) { ${ens(4)} ${writeTag(f.number, WIRE.fixed32)} w4(b); } }`;
      case "ipv6":
        return `${head}\n  if (v !== undefined) { const b = ipv6(v, ${P}); if (nz(b, 16)) { ${ens(17)} ${writeTag(f.number, WIRE.len)} buf[pos++] = 16; wn(b, 16); } }`;
      case "ipaddr":
        return `${head}\n  if (v !== undefined && !zip4(v)) { ${ens(19)} ${writeTag(f.number, WIRE.len)} wip(v, ${P}); }`;
      case "prefix":
        return `${head}\n  ${ens(39)} ${writeTag(f.number, WIRE.len)} wprefix(v === undefined ? PREFIX4_ZERO : v, ${P});`;
      case "string":
        return `${head}\n  if (v !== undefined && v !== "") { if (typeof v !== "string") bad(${P}, "a string"); const n = utf8len(v); ${ens("5 + n")} ${writeTag(f.number, WIRE.len)} wv(n); wutf8(v); }`;
      case "u8list":
        return `${head}\n  if (v !== undefined) { const a = items(v, ${P}); if (a.length) { ${ens("5 + a.length")} ${writeTag(f.number, WIRE.len)} wv(a.length); for (let i = 0; i < a.length; i++) { const x = a[i]; if ((x & 255) !== x) bad(${P}, "bytes 0..255"); buf[pos++] = x; } } }`;
      case "bytes":
        if (c.length !== null)
          return `${head}\n  if (v !== undefined) { if (!isBytes(v, ${c.length})) bad(${P}, "${c.length} bytes"); if (nz(v, ${c.length})) { ${ens(5 + c.length)} ${writeTag(f.number, WIRE.len)} wv(${c.length}); wn(v, ${c.length}); } }`;
        return `${head}\n  if (v !== undefined && v !== null) { if (!isBytes(v, -1)) bad(${P}, "a Uint8Array"); if (v.length) { ${ens("5 + v.length")} ${writeTag(f.number, WIRE.len)} wv(v.length); buf.set(v, pos); pos += v.length; } }`;
      case "range":
        return `${head}\n  ${ens(1)} ${writeTag(f.number, WIRE.len)} { const s = begin(); ${this.rangeBody(c.item, "v", P)} end(s); }`;
      case "list":
        return `${head}\n  if (v !== undefined) { const a = items(v, ${P});\n${this.listBody(f, c.item, P, T)}\n  }`;
      case "other":
        throw new Error(`the specialized flow codec cannot carry ${f.source} (${f.type})`);
    }
  }

  private rangeBody(item: Codec, v: string, P: string): string {
    const part = (name: string, n: number) => {
      const x = `${v}[${lit(name)}]`;
      if (item.k === "int64")
        return `{ const x = ${x}; if (x !== 0n) { split(x, ${item.signed}, ${P}); if (pos + 11 > buf.length) grow(11); buf[pos++] = ${n * 8}; wv64(lo, hi); } }`;
      if (item.k !== "int") throw new Error("internal: range of a non-integer");
      return `{ const x = ${x}; if (${intCheck(item, "x")}) bad(${P}, ${intWhat(item)}); if (x !== 0) { if (pos + 11 > buf.length) grow(11); buf[pos++] = ${n * 8}; ${item.signed ? "ws32(x);" : "wv(x);"} } }`;
    };
    return `if (${v} === undefined) ${v} = ${item.k === "int64" ? "RANGE64_ZERO" : "RANGE_ZERO"}; else if (${v} === null || typeof ${v} !== "object") bad(${P}, "a range {min, max}"); ${part("min", 1)} ${part("max", 2)}`;
  }

  private listBody(f: FlowFieldLayout, item: Codec, P: string, T: number): string {
    switch (item.k) {
      case "int":
        return `    if (a.length) { if (pos + ${T} + 5 + a.length * 10 > buf.length) grow(${T} + 5 + a.length * 10); ${writeTag(f.number, WIRE.len)} const s = begin();
      for (let i = 0; i < a.length; i++) { const x = a[i]; if (${intCheck(item, "x")}) bad(${P}, ${intWhat(item)}); ${item.signed ? "ws32(x);" : "wv(x);"} }
      end(s); }`;
      case "int64":
        return `    if (a.length) { if (pos + ${T} + 5 + a.length * 10 > buf.length) grow(${T} + 5 + a.length * 10); ${writeTag(f.number, WIRE.len)} const s = begin();
      for (let i = 0; i < a.length; i++) { split(a[i], ${item.signed}, ${P}); wv64(lo, hi); }
      end(s); }`;
      case "ipaddr":
        return `    for (let i = 0; i < a.length; i++) { if (pos + ${T} + 19 > buf.length) grow(${T} + 19); ${writeTag(f.number, WIRE.len)} wip(a[i], ${P}); }`;
      case "prefix":
        return `    for (let i = 0; i < a.length; i++) { if (pos + ${T} + 39 > buf.length) grow(${T} + 39); ${writeTag(f.number, WIRE.len)} wprefix(a[i], ${P}); }`;
      case "ipv6":
        return `    for (let i = 0; i < a.length; i++) { const b = ipv6(a[i], ${P}); if (pos + ${T} + 17 > buf.length) grow(${T} + 17); ${writeTag(f.number, WIRE.len)} buf[pos++] = 16; wn(b, 16); }`;
      case "range":
        return `    for (let i = 0; i < a.length; i++) { let v = a[i]; if (pos + ${T} + 1 > buf.length) grow(${T} + 1); ${writeTag(f.number, WIRE.len)} const s = begin(); ${this.rangeBody(item.item, "v", P)} end(s); }`;
      default:
        throw new Error(`the specialized flow codec cannot carry ${f.source} (list of ${item.k})`);
    }
  }

  private decoder(m: FlowMessageLayout, id: number): string {
    const locals = m.fields.map((f, i) => `f${i} = prev === undefined ? undefined : prev[${lit(f.name)}]`).join(", ");
    const cases = m.fields.map((f, i) => this.decCases(f, `f${i}`, `${m.name}.${f.name}`)).join("\n");
    const result = m.fields.map((f, i) => `${lit(f.name)}: f${i} === undefined ? ${this.zero(f)} : f${i}`).join(",\n    ");
    return `function d${id}(end, prev) {
  let ${locals || "unused"};
  while (p < end) {
    const t = tag(end);
    switch (t) {
${cases}
      default: unknown(t, end);
    }
  }
  return {
    ${result}
  };
}`;
  }

  /** The JS expression of a field's zero value (what an absent field decodes to). */
  private zero(f: FlowFieldLayout): string {
    if (f.message) return `d${this.fnIds.get(f.message)!}(p, undefined)`;
    return zeroOf(f.codec);
  }

  /** `case` labels that read one field into local `x`. */
  decCases(f: FlowFieldLayout, x: string, path: string): string {
    const c = f.codec;
    const P = lit(path);
    const label = (wire: number) => `      case ${tagValue(f.number, wire)}:`;
    if (f.message) return `${label(WIRE.len)} { const sub = rlen(end) + p; ${x} = d${this.fnIds.get(f.message)!}(sub, ${x}); break; }`;
    switch (c.k) {
      case "bool":
        return `${label(WIRE.varint)} ${x} = rbool(end); break;`;
      case "int":
        return `${label(WIRE.varint)} ${this.readInt(c, x, P)} break;`;
      case "int64":
        return `${label(WIRE.varint)} rv64(end); ${x} = big(${c.signed}); break;`;
      case "mac":
        return `${label(WIRE.len)} ${x} = rfixed(end, 6, ${P}, "MAC"); break;`;
      case "ipv4":
        return `${label(WIRE.fixed32)} ${x} = { family: "ipv4", bytes: r4(end) }; break;`;
      case "ipv6":
        return `${label(WIRE.len)} { const b = rfixed(end, 16, ${P}, "IPv6 address"); ${x} = b === undefined ? undefined : { family: "ipv6", bytes: b }; break; }`;
      case "ipaddr":
        return `${label(WIRE.len)} { const sub = rlen(end) + p; ${x} = dip(sub, ${x}, ${P}); break; }`;
      case "prefix":
        return `${label(WIRE.len)} { const sub = rlen(end) + p; ${x} = dprefix(sub, ${x}, ${P}); break; }`;
      case "string":
        return `${label(WIRE.len)} { const n = rlen(end); ${x} = n === 0 ? undefined : utf8(end, n); break; }`;
      case "u8list":
        return `${label(WIRE.len)} { const n = rlen(end); const a = new Array(n); for (let i = 0; i < n; i++) a[i] = d[p + i]; p += n; ${x} = n === 0 ? undefined : a; break; }`;
      case "bytes":
        if (c.length !== null) return `${label(WIRE.len)} ${x} = rfixed(end, ${c.length}, ${P}, "value"); break;`;
        return `${label(WIRE.len)} { const n = rlen(end); ${x} = n === 0 ? undefined : rn(n); break; }`;
      case "range":
        return `${label(WIRE.len)} { const sub = rlen(end) + p; ${x} = ${this.readRange(c.item, x, P)}; break; }`;
      case "list":
        return this.decList(f, c.item, x, P);
      case "other":
        throw new Error(`the specialized flow codec cannot carry ${f.source} (${f.type})`);
    }
  }

  /** Reads a varint integer into `x`, checking C widths below 32 bits. */
  readIntInto(c: { bits: number; signed: boolean }, x: string, P: string): string {
    return this.readInt(c, x, P);
  }

  private readInt(c: { bits: number; signed: boolean }, x: string, P: string): string {
    if (c.signed) {
      const rd = `${x} = rv(end) | 0;`;
      return c.bits === 32 ? rd : `${rd} if (${intCheck(c, x)}) fail("out-of-range", ${P} + ": " + ${x} + " is not ${c.bits}-bit");`;
    }
    const rd = `${x} = rv(end);`;
    return c.bits === 32 ? rd : `${rd} if (${x} > ${2 ** c.bits - 1}) fail("out-of-range", ${P} + ": " + ${x} + " is not ${c.bits}-bit");`;
  }

  /** An IIFE-free range reader: merges into the previous value field by field, as protobuf merging does. */
  private readRange(item: Codec, x: string, P: string): string {
    const rd = (name: string) => {
      if (item.k === "int64") return `(rv64(sub), big(${item.signed}))`;
      if (item.k !== "int") throw new Error("internal: range of a non-integer");
      const bits = item.bits;
      const v = item.signed ? "(rv(sub) | 0)" : "rv(sub)";
      return bits === 32 ? v : `rangeItem(${v}, ${bits}, ${item.signed}, ${P}, ${lit(name)})`;
    };
    const zero = item.k === "int64" ? "0n" : "0";
    return `drange(sub, ${x}, ${zero}, () => ${rd("min")}, () => ${rd("max")})`;
  }

  private decList(f: FlowFieldLayout, item: Codec, x: string, P: string): string {
    const push = (val: string) => `(${x} === undefined ? (${x} = []) : ${x}).push(${val});`;
    const one = (lim: string): string => {
      if (item.k === "int") {
        const v = item.signed ? `(rv(${lim}) | 0)` : `rv(${lim})`;
        return item.bits === 32 ? v : `rangeItem(${v}, ${item.bits}, ${item.signed}, ${P}, "item")`;
      }
      if (item.k === "int64") return `(rv64(${lim}), big(${item.signed}))`;
      throw new Error(`the specialized flow codec cannot carry ${f.source} (list of ${item.k})`);
    };
    switch (item.k) {
      case "int":
      case "int64":
        return `${"      case " + tagValue(f.number, WIRE.len) + ":"} { const sub = rlen(end) + p; if (${x} === undefined) ${x} = []; while (p < sub) ${x}.push(${one("sub")}); break; }
${"      case " + tagValue(f.number, WIRE.varint) + ":"} ${push(one("end"))} break;`;
      case "ipaddr":
        return `      case ${tagValue(f.number, WIRE.len)}: { const sub = rlen(end) + p; ${push(`dip(sub, undefined, ${P})`)} break; }`;
      case "prefix":
        return `      case ${tagValue(f.number, WIRE.len)}: { const sub = rlen(end) + p; ${push(`dprefix(sub, undefined, ${P})`)} break; }`;
      case "ipv6":
        return `      case ${tagValue(f.number, WIRE.len)}: { const n = rlen(end); if (n !== 16) fail("bad-length", ${P} + ": IPv6 address of " + n + " bytes, expected 16"); ${push(`{ family: "ipv6", bytes: rn(16) }`)} break; }`;
      case "range":
        return `      case ${tagValue(f.number, WIRE.len)}: { const sub = rlen(end) + p; ${push(this.readRange(item.item, "undefined", P))} break; }`;
      default:
        throw new Error(`the specialized flow codec cannot carry ${f.source} (list of ${item.k})`);
    }
  }
}

/** How one column stores its values: a typed array with `stride` elements per row, or a JS array of values. */
export type ColumnArray = "u8" | "u16" | "u32" | "i32" | "js";

/** One column of a columnar flow store: its path (`flow_key.src_ip.words`), array kind and elements per row. */
export interface ColumnSpec {
  readonly name: string;
  readonly array: ColumnArray;
  readonly stride: number;
  /** Word offset of the column inside a row of `FlowColumns.rows` (-1 for "js" columns, which live in `arrays`). */
  readonly offset: number;
}

/** Marks an encoder line that writes through the shared helpers (which grow the buffer themselves). */
const BREAKS = "@BREAK@";

/**
 * Joins encoder lines, replacing their `@ENSn@` capacity placeholders by one check per run of lines that write
 * into reserved space only; a line marked {@link BREAKS} ends a run (it may move the buffer).
 */
function reserve(lines: readonly string[]): string {
  const out: string[] = [];
  let run: string[] = [];
  let total = 0;
  const flush = () => {
    if (run.length === 0) return;
    if (total > 0) out.push(`  if (q + ${total} > b.length) { pos = q; grow(${total}); b = buf; q = pos; }`);
    out.push(...run);
    run = [];
    total = 0;
  };
  for (const line of lines) {
    const text = line.replace(/@ENS(\d+)@/g, (_, n: string) => {
      total += Number(n);
      return "";
    });
    run.push(text.replace(BREAKS, ""));
    if (line.includes(BREAKS)) flush();
  }
  flush();
  return out.join("\n");
}

/**
 * The in-order fast path of a columnar decoder: our encoder (like most) writes fields in field-number order, so
 * each field's canonical tag is tried in turn at the cursor and decoded without the tag loop's dispatch. It parses
 * a prefix of the input; whatever is left (other order, other wire types, unknown fields) goes through the loop.
 * Each case body runs in a labeled block, so its `break` leaves just that block.
 */
function inOrder(cases: readonly string[]): string {
  const out: string[] = [];
  cases.forEach((text, i) => {
    const first = /^\s*case (\d+):([\s\S]*?)(?=\n\s*case \d+:|$)/.exec(text);
    if (!first) throw new Error(`internal: no case in ${text.slice(0, 40)}`);
    const bytes = varintBytes(Number(first[1]));
    const cond = [`q + ${bytes.length - 1} < end`, ...bytes.map((b, j) => `D[q${j ? ` + ${j}` : ""}] === ${b}`)].join(" && ");
    out.push(`  if (${cond}) { q += ${bytes.length}; f${i}: { ${first[2]!.trim().replace(/\bbreak;/g, `break f${i};`)} } }`);
  });
  return out.length ? out.join("\n") + "\n" : "";
}

/**
 * The columnar codec: each leaf field lives in columns of one row-major Uint32Array (a row's fixed-size fields
 * share a few cache lines and one typed array, so an access is one load with no per-column map check), so
 * encoding and decoding a row allocate nothing. Conventions (shared with the flow store's layout): 64-bit values are `.lo`/`.hi` uint32 words; a MAC
 * is `.hi` (bytes 0–3, big-endian uint32) + `.lo` (bytes 4–5, uint16); IPV4 is a big-endian uint32; IPV6 is 4
 * big-endian uint32 `.words`; an IP address is `.family` (0 = IPv4, 1 = IPv6) + 4 `.words` with IPv4 in word 0;
 * a prefix is `.family` + `.addr` + `.mask` words. Variable-size fields (lists, strings, opaque bytes) fall back to
 * JS-array columns holding `runtime/values` values.
 */
class ColGen {
  readonly specs: ColumnSpec[] = [];
  private readonly out: string[] = [];
  private count = 0;
  /** Words per row of the row-major store (every fixed-size column). */
  words = 0;
  constructor(private readonly gen: Gen) {}

  source(): string {
    return this.out.join("\n").replace(/@STRIDE@/g, String(this.words));
  }

  private col(name: string, array: ColumnArray, stride = 1): number {
    const offset = array === "js" ? -1 : this.words;
    if (array !== "js") this.words += stride;
    this.specs.push({ name, array, stride, offset });
    return this.specs.length - 1;
  }

  /**
   * Resolves column tokens: \`@Cn@[r]\` (one-word columns) and \`@Cn@[o + j]\` (4-word columns) become elements of the
   * row-major word array (\`R[rb + offset]\`; signed columns read through \`| 0\`), \`@In@\` the index of column n's
   * first word (for helpers), and "js" columns their own array.
   */
  private resolve(code: string): string {
    const out = code
      .replace(/@C(\d+)@\[r\](\s*=(?!=))?/g, (_, i: string, assign: string | undefined) => {
        const sp = this.specs[Number(i)]!;
        if (sp.array === "js") return `A[${i}][r]${assign ?? ""}`;
        const el = `R[rb + ${sp.offset}]`;
        return assign ? `${el}${assign}` : sp.array === "i32" ? `(${el} | 0)` : el;
      })
      .replace(/@C(\d+)@\[o(?: \+ (\d))?\]/g, (_, i: string, j: string | undefined) => `R[rb + ${this.specs[Number(i)]!.offset + Number(j ?? 0)}]`)
      .replace(/@I(\d+)@/g, (_, i: string) => `rb + ${this.specs[Number(i)]!.offset}`);
    const left = /@[CI]\d+@/.exec(out);
    if (left) throw new Error(`internal: unresolved column reference ${left[0]} in the columnar codec`);
    return out;
  }

  /**
   * Emits encode/decode/zero functions for the message at `path`; returns their number. The encoder and decoder
   * keep the buffer and cursor in locals (`b`/`q`, `D`/`q`): closure variables cost a memory round trip per byte.
   * They are written back (`pos`/`p`) around every call into the shared helpers, which may also move the buffer.
   */
  message(m: FlowMessageLayout, path: string): number {
    const j = this.count++;
    const k = (i: number) => `@C${i}@`;
    // a helper's view of a column: the row-major array and the index of the column's first word
    const I = (ref: string) => `R, @I${/@C(\d+)@/.exec(ref)![1]}@`;
    const enc: string[] = [];
    const dec: string[] = [];
    const zero: string[] = [];
    // zeroes of the "js" columns (and sub-messages' js columns): what a row fill of zeros does not reset
    const zeroJs: string[] = [];
    const lateZero: string[] = [];
    const lateZeroJs: string[] = [];
    const freshReset: string[] = [];
    // encode-side building blocks on the local cursor
    const sync = (code: string) => `pos = q; ${code} b = buf; q = pos;`;
    // capacity checks are collected per run of fixed-size fields (see `reserve` below): one check per run
    const ens = (n: number) => `@ENS${n}@`;
    const tagBytes = (number: number, wire: number) => varintBytes(tagValue(number, wire)).map((x) => `b[q++] = ${x};`).join(" ");
    const wvar = (v: string) => `while (${v} > 127) { b[q++] = (${v} & 127) | 128; ${v} >>>= 7; } b[q++] = ${v};`;
    const wbe = (w: string) => `{ const w = ${w}; b[q] = w >>> 24; b[q + 1] = (w >>> 16) & 255; b[q + 2] = (w >>> 8) & 255; b[q + 3] = w & 255; q += 4; }`;
    const wle = (v: string) => `b[q] = ${v} & 255; b[q + 1] = (${v} >>> 8) & 255; b[q + 2] = (${v} >>> 16) & 255; b[q + 3] = ${v} >>> 24; q += 4;`;
    // decode-side: slow paths hand the cursor to the helpers (which fail() with the right offset)
    const dsync = (code: string) => `p = q; ${code} q = p;`;
    // one- and two-byte varints (ports, versions, tags of fields 16..2047) are read inline
    const rvar = (v: string) =>
      `let ${v} = D[q]; if (${v} < 128 && q < end) q++; else if (q + 1 < end && D[q + 1] < 128) { ${v} = (${v} & 127) | (D[q + 1] << 7); q += 2; } else { ${dsync(`${v} = rv(end);`)} }`;
    const le32 = (at: string) => `((D[${at}] | (D[${at} + 1] << 8) | (D[${at} + 2] << 16) | (D[${at} + 3] << 24)) >>> 0)`;
    const be32 = (at: string) => `((D[${at}] << 24) | (D[${at} + 1] << 16) | (D[${at} + 2] << 8) | D[${at} + 3]) >>> 0`;
    m.fields.forEach((f, idx) => {
      const fp = path ? `${path}.${f.name}` : f.name;
      const P = lit(`${m.name}.${f.name}`);
      const T = varintBytes(tagValue(f.number, 7)).length;
      const label = (wire: number) => `      case ${tagValue(f.number, wire)}:`;
      const mask = `s${idx >> 5}`;
      const bit = `${(1 << (idx & 31)) >>> 0}`;
      const seen = `${mask} |= ${bit};`;
      const unseen = (code: string) => lateZero.push(`    if ((${mask} & ${bit}) === 0) { ${code} }`);
      const unseenJs = (code: string) => lateZeroJs.push(`    if ((${mask} & ${bit}) === 0) { ${code} }`);
      if (f.message) {
        const sub = this.message(f.message, fp);
        const [open, close] = this.gen.frames.site(f.message);
        enc.push(`  ${ens(T + 5)} ${tagBytes(f.number, WIRE.len)} ${sync(`{ const s = ${open}; ce${sub}(C, r); ${close} }`)}${BREAKS}`);
        // a first occurrence inside a fresh parent is fresh in the same way (its words pre-zeroed or not); later ones merge
        dec.push(`${label(WIRE.len)} { ${dsync(`const sub = rlen(end) + p; cd${sub}(sub, C, r, fresh !== 0 && (${mask} & ${bit}) === 0 ? fresh : 0);`)} ${seen} break; }`);
        zero.push(`  cz${sub}(C, r);`);
        zeroJs.push(`  czj${sub}(C, r);`);
        unseenJs(`if (fresh === 2) czj${sub}(C, r); else cz${sub}(C, r);`);
        return;
      }
      const c = f.codec;
      switch (c.k) {
        case "bool": {
          const a = k(this.col(fp, "u8"));
          enc.push(`  if (${a}[r] !== 0) { ${ens(T + 1)} ${tagBytes(f.number, WIRE.varint)} b[q++] = 1; }`);
          dec.push(`${label(WIRE.varint)} { const x = D[q]; if (x < 2 && q < end) { q++; ${a}[r] = x; } else { ${dsync(`${a}[r] = rbool(end) ? 1 : 0;`)} } ${seen} break; }`);
          zero.push(`  ${a}[r] = 0;`);
          unseen(`${a}[r] = 0;`);
          break;
        }
        case "int": {
          const a = k(this.col(fp, c.signed ? "i32" : "u32"));
          const narrow = c.bits === 32 ? "" : `if (${intCheck(c, "v")}) bad(${P}, ${intWhat(c)}); `;
          const write = c.signed ? `if (v >= 0) { ${wvar("v")} } else { ${sync("wv64(v >>> 0, 0xffffffff);")} }` : wvar("v");
          enc.push(`  { let v = ${a}[r]; if (v !== 0) { ${narrow}${ens(T + 10)} ${tagBytes(f.number, WIRE.varint)} ${write} } }`);
          const check =
            c.bits === 32
              ? c.signed
                ? "v |= 0;"
                : ""
              : c.signed
                ? `v |= 0; if (${intCheck(c, "v")}) { p = q; fail("out-of-range", ${P} + ": " + v + " is not ${c.bits}-bit"); }`
                : `if (v > ${2 ** c.bits - 1}) { p = q; fail("out-of-range", ${P} + ": " + v + " is not ${c.bits}-bit"); }`;
          dec.push(`${label(WIRE.varint)} { ${rvar("v")} ${check} ${a}[r] = v; ${seen} break; }`);
          zero.push(`  ${a}[r] = 0;`);
          unseen(`${a}[r] = 0;`);
          break;
        }
        case "int64": {
          const l = k(this.col(`${fp}.lo`, "u32"));
          const h = k(this.col(`${fp}.hi`, "u32"));
          enc.push(
            `  { let l = ${l}[r], h = ${h}[r]; if ((l | h) !== 0) { ${ens(T + 10)} ${tagBytes(f.number, WIRE.varint)} while (h) { b[q++] = (l & 127) | 128; l = ((l >>> 7) | (h << 25)) >>> 0; h >>>= 7; } ${wvar("l")} } }`,
          );
          dec.push(`${label(WIRE.varint)} q = rv64q(D, q, end); ${l}[r] = rlo; ${h}[r] = rhi; ${seen} break;`);
          zero.push(`  ${l}[r] = 0; ${h}[r] = 0;`);
          unseen(`${l}[r] = 0; ${h}[r] = 0;`);
          break;
        }
        case "mac": {
          const h = k(this.col(`${fp}.hi`, "u32"));
          const l = k(this.col(`${fp}.lo`, "u16"));
          enc.push(`  { const hi = ${h}[r], lo = ${l}[r]; if ((hi | lo) !== 0) { ${ens(T + 7)} ${tagBytes(f.number, WIRE.len)} b[q++] = 6; ${wbe("hi")} b[q] = lo >>> 8; b[q + 1] = lo & 255; q += 2; } }`);
          dec.push(
            `${label(WIRE.len)} if (D[q] === 6 && q + 7 <= end) { ${h}[r] = ${be32("q + 1")}; ${l}[r] = (D[q + 5] << 8) | D[q + 6]; q += 7; } else { ${dsync(`cmac(end, ${I(h)}, ${I(l).slice(3)}, ${P});`)} } ${seen} break;`,
          );
          zero.push(`  ${h}[r] = 0; ${l}[r] = 0;`);
          unseen(`${h}[r] = 0; ${l}[r] = 0;`);
          break;
        }
        case "ipv6": {
          const wd = k(this.col(`${fp}.words`, "u32", 4));
          enc.push(`  { const o = r * 4; if ((${wd}[o] | ${wd}[o + 1] | ${wd}[o + 2] | ${wd}[o + 3]) !== 0) { ${ens(T + 17)} ${tagBytes(f.number, WIRE.len)} b[q++] = 16; ${wbe(`${wd}[o]`)} ${wbe(`${wd}[o + 1]`)} ${wbe(`${wd}[o + 2]`)} ${wbe(`${wd}[o + 3]`)} } }`);
          dec.push(`${label(WIRE.len)} ${dsync(`cw16(end, ${I(wd)}, ${P}, "IPv6 address");`)} ${seen} break;`);
          zero.push(`  { const o = r * 4; ${wd}[o] = 0; ${wd}[o + 1] = 0; ${wd}[o + 2] = 0; ${wd}[o + 3] = 0; }`);
          unseen(`const o = r * 4; ${wd}[o] = 0; ${wd}[o + 1] = 0; ${wd}[o + 2] = 0; ${wd}[o + 3] = 0;`);
          break;
        }
        case "ipv4": {
          const a = k(this.col(fp, "u32"));
          enc.push(`  { const v = ${a}[r]; if (v !== 0) { ${ens(T + 4)} ${tagBytes(f.number, WIRE.fixed32)} ${wle("v")} } }`);
          dec.push(`${label(WIRE.fixed32)} if (q + 4 <= end) { ${a}[r] = ${le32("q")}; q += 4; } else { ${dsync(`${a}[r] = cr32(end);`)} } ${seen} break;`);
          zero.push(`  ${a}[r] = 0;`);
          unseen(`${a}[r] = 0;`);
          break;
        }
        case "ipaddr": {
          const fa = k(this.col(`${fp}.family`, "u8"));
          const wd = k(this.col(`${fp}.words`, "u32", 4));
          const z = `${fa}[r] = 0; { const o = r * 4; ${wd}[o] = 0; ${wd}[o + 1] = 0; ${wd}[o + 2] = 0; ${wd}[o + 3] = 0; }`;
          enc.push(
            `  { const o = r * 4, fam = ${fa}[r]; if (fam === 0) { const v = ${wd}[o]; if (v !== 0) { ${ens(T + 19)} ${tagBytes(f.number, WIRE.len)} b[q++] = 5; b[q++] = 13; ${wle("v")} } } else if (fam === 1) { ${ens(T + 19)} ${tagBytes(f.number, WIRE.len)} b[q++] = 18; b[q++] = 18; b[q++] = 16; ${wbe(`${wd}[o]`)} ${wbe(`${wd}[o + 1]`)} ${wbe(`${wd}[o + 2]`)} ${wbe(`${wd}[o + 3]`)} } else bad(${P}, "IP family 0 (IPv4) or 1 (IPv6)"); }`,
          );
          // the canonical IPv4 form (length 5, ipv4 tag, 4 bytes) is read inline; anything else by the helper
          dec.push(
            `${label(WIRE.len)} if (D[q] === 5 && D[q + 1] === 13 && q + 6 <= end) { const o = r * 4; ${fa}[r] = 0; ${wd}[o] = ${le32("q + 2")}; ${wd}[o + 1] = 0; ${wd}[o + 2] = 0; ${wd}[o + 3] = 0; q += 6; ${seen} } else { ${dsync(`const sub = rlen(end) + p; if (cdip(sub, ${I(fa)}, ${I(wd).slice(3)}, ${P})) ${seen}`)} } break;`,
          );
          zero.push(`  ${z}`);
          unseen(z);
          break;
        }
        case "prefix": {
          const fa = k(this.col(`${fp}.family`, "u8"));
          const a = k(this.col(`${fp}.addr`, "u32", 4));
          const mk = k(this.col(`${fp}.mask`, "u32", 4));
          const z = `${fa}[r] = 0; ${a}[o] = 0; ${a}[o + 1] = 0; ${a}[o + 2] = 0; ${a}[o + 3] = 0; ${mk}[o] = 0; ${mk}[o + 1] = 0; ${mk}[o + 2] = 0; ${mk}[o + 3] = 0;`;
          enc.push(`  ${ens(T + 39)} ${tagBytes(f.number, WIRE.len)} ${sync(`cwprefix(${I(fa)}, ${I(a).slice(3)}, ${I(mk).slice(3)}, ${P});`)}`);
          dec.push(`${label(WIRE.len)} { ${dsync(`const sub = rlen(end) + p; if (cdprefix(sub, ${I(fa)}, ${I(a).slice(3)}, ${I(mk).slice(3)}, ${P}, fresh && (${mask} & ${bit}) === 0)) ${seen}`)} break; }`);
          zero.push(`  ${z}`);
          unseen(z);
          break;
        }
        case "u8list": {
          // a byte list replaces the column's value; the array a row already holds is refilled when the length
          // matches (column values belong to the columns), so steady-state decoding allocates nothing
          const a = k(this.col(fp, "js"));
          enc.push(`  ${sync(`{ let v; ${this.gen.encField(f, `${m.name}.${f.name}`, `${a}[r]`).trim()} }`)}${BREAKS}`);
          dec.push(
            `${label(WIRE.len)} { ${dsync(`const n = rlen(end); let v = ${a}[r]; if (v === undefined || v.length !== n) v = new Array(n); for (let i = 0; i < n; i++) v[i] = D[p + i]; p += n; ${a}[r] = n === 0 ? undefined : v;`)} ${seen} break; }`,
          );
          zero.push(`  ${a}[r] = undefined;`);
          zeroJs.push(`  ${a}[r] = undefined;`);
          unseenJs(`${a}[r] = undefined;`);
          break;
        }
        default: {
          // variable-size values keep their object form; the object codec's code reads and writes them, merging
          // into the column's value, so a fresh decode clears it first
          const a = k(this.col(fp, "js"));
          enc.push(`  ${sync(`{ let v; ${this.gen.encField(f, `${m.name}.${f.name}`, `${a}[r]`).trim()} }`)}${BREAKS}`);
          const cases = this.gen.decCases(f, `${a}[r]`, `${m.name}.${f.name}`);
          // the object decoder's cases read through the shared cursor: hand it over around each one
          dec.push(cases.replace(/(case \d+:) /g, "$1 p = q; ").replace(/ break;/g, " q = p; break;"));
          zero.push(`  ${a}[r] = undefined;`);
          zeroJs.push(`  ${a}[r] = undefined;`);
          freshReset.push(`${a}[r] = undefined;`);
        }
      }
    });
    const encBody = reserve(enc);
    const prologue = inOrder(dec);
    const masks = Array.from({ length: Math.max(1, Math.ceil(m.fields.length / 32)) }, (_, i) => `s${i} = 0`).join(", ");
    // one row-major word array: a row's fixed-size columns share a few cache lines and one typed array
    const head = `  const A = C.arrays, R = C.rows, rb = r * @STRIDE@;\n`;
    this.out.push(
      this.resolve(`// ${m.name} at ${path || "(entry)"}, columnar\nfunction ce${j}(C, r) {\n${head}  let b = buf, q = pos;\n${encBody}\n  pos = q;\n}`),
      this.resolve(
        `function cd${j}(end, C, r, fresh) {\n${head}  const D = d;\n  let q = p, ${masks};\n${freshReset.length ? `  if (fresh) { ${freshReset.join(" ")} }\n` : ""}${prologue}  while (q < end) {\n    let t = D[q];\n    if (t < 128) q++; else if (q + 1 < end && D[q + 1] < 128) { t = (t & 127) | (D[q + 1] << 7); q += 2; } else { p = q; t = r5(end, 15, "tag"); q = p; }\n    switch (t) {\n${dec.join("\n")}\n      default: p = q; unknown(t, end); q = p;\n    }\n  }\n  p = q;\n  // fields the input left out decode to zero; a merge (fresh 0) keeps what earlier occurrences set; fresh 2: the\n  // caller zeroed the row's words already, so only the js columns are left\n  if (fresh !== 0) {\n    if (fresh !== 2) {\n${lateZero.join("\n")}\n    }\n${lateZeroJs.join("\n")}\n  }\n}`,
      ),
      this.resolve(`function cz${j}(C, r) {\n${head}${zero.join("\n")}\n}`),
      this.resolve(`function czj${j}(C, r) {\n${head}${zeroJs.join("\n")}\n}`),
    );
    return j;
  }
}

const COLUMNAR_PRELUDE = String.raw`
function wbe(w) { buf[pos] = w >>> 24; buf[pos + 1] = (w >>> 16) & 255; buf[pos + 2] = (w >>> 8) & 255; buf[pos + 3] = w & 255; pos += 4; }
function rbe(at) { return ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0; }
function cmac(end, R, h, l, path) {
  const len = rlen(end);
  if (len === 0) { R[h] = 0; R[l] = 0; return; }
  if (len !== 6) fail("bad-length", path + ": MAC of " + len + " bytes, expected 6");
  R[h] = rbe(p); R[l] = (d[p + 4] << 8) | d[p + 5];
  p += 6;
}
function cw16(end, R, w, path, what) {
  const len = rlen(end);
  if (len === 0) { R[w] = 0; R[w + 1] = 0; R[w + 2] = 0; R[w + 3] = 0; return; }
  if (len !== 16) fail("bad-length", path + ": " + what + " of " + len + " bytes, expected 16");
  R[w] = rbe(p); R[w + 1] = rbe(p + 4); R[w + 2] = rbe(p + 8); R[w + 3] = rbe(p + 12);
  p += 16;
}
function cr32(end) {
  if (end - p < 4) fail("truncated", "input ends inside a fixed32");
  const v = (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24)) >>> 0;
  p += 4;
  return v;
}
// true when the message set the address (an empty IpAddress leaves the column to its zero or earlier value)
function cdip(end, R, f, w, path) {
  let set = false;
  while (p < end) {
    const t = tag(end);
    if (t === 13) {
      R[w] = cr32(end); R[w + 1] = 0; R[w + 2] = 0; R[w + 3] = 0; R[f] = 0; set = true;
    } else if (t === 18) {
      const n = rlen(end);
      if (n !== 16) fail("bad-length", path + ": IPv6 address of " + n + " bytes, expected 16");
      R[w] = rbe(p); R[w + 1] = rbe(p + 4); R[w + 2] = rbe(p + 8); R[w + 3] = rbe(p + 12);
      R[f] = 1; p += 16; set = true;
    } else unknown(t, end);
  }
  return set;
}
function cwprefix(R, f, a, m, path) {
  const fam = R[f];
  if (fam === 0) {
    const av = R[a], mv = R[m];
    const inner = (av ? 5 : 0) + (mv ? 5 : 0);
    buf[pos++] = inner + 2; buf[pos++] = 10; buf[pos++] = inner;
    if (av) { buf[pos++] = 13; buf[pos] = av & 255; buf[pos + 1] = (av >>> 8) & 255; buf[pos + 2] = (av >>> 16) & 255; buf[pos + 3] = av >>> 24; pos += 4; }
    if (mv) { buf[pos++] = 21; buf[pos] = mv & 255; buf[pos + 1] = (mv >>> 8) & 255; buf[pos + 2] = (mv >>> 16) & 255; buf[pos + 3] = mv >>> 24; pos += 4; }
    return;
  }
  if (fam !== 1) bad(path, "IP family 0 (IPv4) or 1 (IPv6)");
  buf[pos++] = 38; buf[pos++] = 18; buf[pos++] = 36;
  buf[pos++] = 10; buf[pos++] = 16; wbe(R[a]); wbe(R[a + 1]); wbe(R[a + 2]); wbe(R[a + 3]);
  buf[pos++] = 18; buf[pos++] = 16; wbe(R[m]); wbe(R[m + 1]); wbe(R[m + 2]); wbe(R[m + 3]);
}
function cdprefix(end, R, f, a, m, path, fresh) {
  let set = false;
  while (p < end) {
    const t = tag(end);
    if (t === 10 || t === 18) {
      const v6 = t === 18, sub = rlen(end) + p, fam = v6 ? 1 : 0;
      // a new family starts from zero; the same family merges, as protobuf merges a repeated sub-message
      if (fresh || R[f] !== fam) for (let i = 0; i < 4; i++) { R[a + i] = 0; R[m + i] = 0; }
      R[f] = fam; set = true; fresh = false;
      while (p < sub) {
        const u = tag(sub);
        if (!v6 && u === 13) R[a] = cr32(sub);
        else if (!v6 && u === 21) R[m] = cr32(sub);
        else if (v6 && (u === 10 || u === 18)) cw16(sub, R, u === 10 ? a : m, path, "IPv6 prefix part");
        else unknown(u, sub);
      }
    } else unknown(t, end);
  }
  return set;
}
`;

/** The JS expression of the zero value of a codec kind. */
function zeroOf(c: Codec): string {
  switch (c.k) {
    case "bool":
      return "false";
    case "int":
      return "0";
    case "int64":
      return "0n";
    case "mac":
      return "new Uint8Array(6)";
    case "ipv4":
    case "ipaddr":
      return `{ family: "ipv4", bytes: new Uint8Array(4) }`;
    case "ipv6":
      return `{ family: "ipv6", bytes: new Uint8Array(16) }`;
    case "prefix":
      return `{ family: "ipv4", addr: new Uint8Array(4), mask: new Uint8Array(4) }`;
    case "string":
      return `""`;
    case "u8list":
    case "list":
      return "[]";
    case "bytes":
      return `new Uint8Array(${c.length ?? 0})`;
    case "range":
      return c.item.k === "int64" ? "{ min: 0n, max: 0n }" : "{ min: 0, max: 0 }";
    case "other":
      return "undefined";
  }
}

const POSTLUDE = String.raw`
const PREFIX4_ZERO = { family: "ipv4", addr: new Uint8Array(4), mask: new Uint8Array(4) };
const RANGE_ZERO = { min: 0, max: 0 }, RANGE64_ZERO = { min: 0n, max: 0n };
function rangeItem(v, bits, signed, path, what) {
  const ok = signed ? ((v << (32 - bits)) >> (32 - bits)) === v : v <= 2 ** bits - 1;
  if (!ok) fail("out-of-range", path + ": " + what + " " + v + " is not " + bits + "-bit");
  return v;
}
function drange(sub, prev, zero, rmin, rmax) {
  let min = prev === undefined ? zero : prev.min, max = prev === undefined ? zero : prev.max;
  while (p < sub) {
    const t = tag(sub);
    if (t === 8) min = rmin();
    else if (t === 16) max = rmax();
    else unknown(t, sub);
  }
  return { min, max };
}
function encode(entry) {
  start = pos;
  try { eENTRY(entry, "entry"); } catch (e) { pos = start; throw e; }
  return out();
}
function encodeBatchEntries(entries, tagByte) {
  start = pos;
  try {
    for (let i = 0; i < entries.length; i++) {
      if (pos + 6 > buf.length) grow(6);
      buf[pos++] = tagByte;
      const s = BEGIN_ENTRY; eENTRY(entries[i], "entries[" + i + "]"); END_ENTRY
    }
  } catch (e) { pos = start; throw e; }
  return out();
}
function decode(bytes) {
  d = bytes; p = 0;
  try {
    return { ok: true, value: dENTRY(bytes.length, undefined) };
  } catch (e) {
    if (e instanceof FlowCodecError) return { ok: false, error: { code: e.code, message: e.message, offset: e.offset } };
    return { ok: false, error: { code: "bad-length", message: "corrupt input: " + String(e && e.message), offset: p } };
  } finally {
    d = EMPTY;
  }
}
function checkRow(C, r) {
  if (!(Number.isInteger(r) && r >= 0 && r < C.capacity)) throw new RangeError("row " + r + " is outside 0.." + (C.capacity - 1));
}
function encodeRow(C, r) {
  checkRow(C, r);
  start = pos;
  try { ceCOLS(C, r); } catch (e) { pos = start; throw e; }
  return out();
}
function encodeRows(C, from, to, tagByte) {
  start = pos;
  try {
    for (let r = from; r < to; r++) {
      checkRow(C, r);
      if (pos + 6 > buf.length) grow(6);
      buf[pos++] = tagByte;
      const s = BEGIN_ENTRY; ceCOLS(C, r); END_ENTRY
    }
  } catch (e) { pos = start; throw e; }
  return out();
}
// encodes into the caller's array: the slab is swapped for it, and a grow() (the row did not fit) swaps it back out
function encodeRowInto(C, r, target, at) {
  checkRow(C, r);
  if (!(target instanceof Uint8Array) || !(Number.isInteger(at) && at >= 0 && at <= target.length)) throw new RangeError("encodeRowInto: bad target or offset");
  const b0 = buf, ab0 = bufAB, off0 = bufOff, pos0 = pos, start0 = start;
  buf = target; bufAB = target.buffer; bufOff = target.byteOffset; pos = at; start = at;
  let n;
  try {
    ceCOLS(C, r);
    n = buf === target ? pos - at : -(pos - start);
  } finally {
    if (buf === target) { buf = b0; bufAB = ab0; bufOff = off0; pos = pos0; start = start0; }
    else { pos = 0; start = 0; } // grow() moved to a fresh slab: nothing in it is handed out yet
  }
  return n;
}
function decodeRow(bytes, C, r) { return decodeRowAt(bytes, 0, bytes.length, C, r); }
function decodeRowAt(bytes, from, to, C, r) {
  checkRow(C, r);
  if (!(from >= 0 && to >= from && to <= bytes.length)) throw new RangeError("bytes " + from + ".." + to + " are outside 0.." + bytes.length);
  d = bytes; p = from; base = from;
  try {
    // fresh decode: the row's words zeroed in one fill, then only the fields present are written (mode 2)
    C.rows.fill(0, r * ROW_WORDS, (r + 1) * ROW_WORDS);
    cdCOLS(to, C, r, 2);
    return null;
  } catch (e) {
    czCOLS(C, r);
    if (e instanceof FlowCodecError) return { code: e.code, message: e.message, offset: e.offset };
    return { code: "bad-length", message: "corrupt input: " + String(e && e.message), offset: p - from };
  } finally {
    d = EMPTY; base = 0;
  }
}
return { encode, decode, encodeBatchEntries, encodeRow, encodeRowInto, encodeRows, decodeRow, decodeRowAt };
`;

/** The generated JavaScript of the specialized codec for a layout, and its column set. */
function generate(layout: FlowLayout): { source: string; columns: ColumnSpec[]; words: number } {
  const g = new Gen();
  const entry = g.fn(layout.entry);
  const cg = new ColGen(g);
  const cols = cg.message(layout.entry, "");
  let post = POSTLUDE.replace(/([ed])ENTRY\(/g, `$1${entry}(`).replace(/c([edz])COLS\(/g, `c$1${cols}(`).replace(/ROW_WORDS/g, String(cg.words));
  // each batch-entry framing site of the postlude gets a site of its own
  while (post.includes("BEGIN_ENTRY")) {
    const [open, close] = g.frames.site(layout.entry);
    post = post.replace("BEGIN_ENTRY", open).replace("END_ENTRY", close);
  }
  return { source: PRELUDE + COLUMNAR_PRELUDE + g.frames.source() + "\n" + g.source() + "\n" + cg.source() + post, columns: cg.specs, words: cg.words };
}

/** The generated JavaScript of the specialized codec for a layout (for inspection; `specializedFlowCodec` runs it). */
export function flowCodecSource(layout: FlowLayout): string {
  return generate(layout).source;
}

/** The columns of the columnar codec for a layout, in array order. */
export function flowColumnSpecs(layout: FlowLayout): ColumnSpec[] {
  return generate(layout).columns;
}

/**
 * A columnar flow store: every fixed-size column of a row in one row-major word array (\`rows\`, \`stride\` words per
 * row, a column at its spec's \`offset\`), variable-size ("js") columns as JS arrays in \`arrays\` (null elsewhere).
 * Words hold unsigned 32-bit values; signed columns are read through \`| 0\`.
 */
export interface FlowColumns {
  readonly capacity: number;
  readonly specs: readonly ColumnSpec[];
  readonly stride: number;
  readonly rows: Uint32Array;
  readonly arrays: (FlowValue[] | null)[];
}

interface Compiled {
  encode(entry: FlowEntry): Uint8Array;
  decode(bytes: Uint8Array): FlowDecodeResult;
  encodeBatchEntries(entries: readonly FlowEntry[], tagByte: number): Uint8Array;
  encodeRow(cols: FlowColumns, row: number): Uint8Array;
  encodeRowInto(cols: FlowColumns, row: number, target: Uint8Array, at: number): number;
  encodeRows(cols: FlowColumns, from: number, to: number, tagByte: number): Uint8Array;
  decodeRow(bytes: Uint8Array, cols: FlowColumns, row: number): FlowCodecFailure | null;
  decodeRowAt(bytes: Uint8Array, from: number, to: number, cols: FlowColumns, row: number): FlowCodecFailure | null;
}

/**
 * The specialized codec: the object API of {@link FlowCodec} plus batches and the allocation-free columnar API.
 * Returned byte arrays are views of a shared slab (like Node's Buffer pool): they stay valid, but copy them before
 * handing `.buffer` to anything that reads beyond the view.
 */
export interface SpecializedFlowCodec extends FlowCodec {
  /** The `entries` field (number 3) of a SaiDashFlowBatch for these entries, ready to prefix with the header fields. */
  encodeBatchEntries(entries: readonly FlowEntry[]): Uint8Array;
  /** Empty columns for `capacity` flows. */
  createColumns(capacity: number): FlowColumns;
  /** SaiDashFlowEntry bytes of row `row`. */
  encodeRow(cols: FlowColumns, row: number): Uint8Array;
  /**
   * Writes the SaiDashFlowEntry bytes of row `row` into `target` at `at` (no allocation) and returns their length;
   * when they do not fit, writes nothing usable and returns minus the length needed.
   */
  encodeRowInto(cols: FlowColumns, row: number, target: Uint8Array, at: number): number;
  /** The `entries` field of a SaiDashFlowBatch for rows [from, to). */
  encodeRows(cols: FlowColumns, from: number, to: number): Uint8Array;
  /** Parses SaiDashFlowEntry bytes into row `row`; on failure the row is zeroed and the failure returned. */
  decodeRow(bytes: Uint8Array, cols: FlowColumns, row: number): FlowCodecFailure | null;
  /** {@link decodeRow} of `bytes[from, to)` without making a view of it (entries of a batch decode in place). */
  decodeRowAt(bytes: Uint8Array, from: number, to: number, cols: FlowColumns, row: number): FlowCodecFailure | null;
  /** Row `row` as an object (for diagnosis and tests; not a hot path). */
  readRow(cols: FlowColumns, row: number): FlowEntry;
  /** Writes an object into row `row`, with the object encoder's validation (not a hot path). */
  writeRow(cols: FlowColumns, row: number, entry: FlowEntry): void;
}

/** SaiDashFlowBatch.entries: field 3, wire type 2. */
const BATCH_ENTRIES_TAG = (3 << 3) | 2;

/** Compiles the specialized codec for a layout. */
export function specializedFlowCodec(layout: FlowLayout): SpecializedFlowCodec {
  const { source, columns, words } = generate(layout);
  const make = new Function("rt", source) as (rt: unknown) => Compiled;
  // Two instances of the same code: the object API and the columnar API share helper functions (varint readers,
  // framing), and type feedback from one path (objects, bigints) would slow the other's hot loop.
  const o = make({ FlowCodecError });
  const c = make({ FlowCodecError });
  const specs = Object.freeze(columns.slice());
  return {
    path: "specialized",
    layout,
    encodeFlowEntry: (entry) => o.encode(entry),
    decodeFlowEntry: (bytes) => o.decode(bytes),
    encodeBatchEntries: (entries) => o.encodeBatchEntries(entries, BATCH_ENTRIES_TAG),
    createColumns(capacity) {
      const arrays = specs.map((sp) => (sp.array === "js" ? new Array<FlowValue>(capacity * sp.stride).fill(undefined) : null));
      return { capacity, specs, stride: words, rows: new Uint32Array(capacity * words), arrays };
    },
    encodeRow: (cols, row) => c.encodeRow(cols, row),
    encodeRowInto: (cols, row, target, at) => c.encodeRowInto(cols, row, target, at),
    encodeRows: (cols, from, to) => c.encodeRows(cols, from, to, BATCH_ENTRIES_TAG),
    decodeRow: (bytes, cols, row) => c.decodeRow(bytes, cols, row),
    decodeRowAt: (bytes, from, to, cols, row) => c.decodeRowAt(bytes, from, to, cols, row),
    readRow(cols, row) {
      const r = o.decode(c.encodeRow(cols, row));
      if (!r.ok) throw new FlowCodecError(r.error.code, `internal: row ${row} does not round-trip: ${r.error.message}`);
      return r.value;
    },
    writeRow(cols, row, entry) {
      const fail = c.decodeRow(o.encode(entry), cols, row);
      if (fail) throw new FlowCodecError(fail.code, `internal: entry does not round-trip: ${fail.message}`);
    },
  };
}
