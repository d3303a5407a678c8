/**
 * Text forms of the scalar SAI values (SAI-METADATA.md §6). Every parser reads the whole string and checks the C
 * width; every formatter refuses values its parser would reject, so format → parse never fails.
 */
import { err, ok, type Result } from "../values/result.js";

/** Human name of an integer width, for messages: "an unsigned 8-bit integer". */
export function intName(bits: number, signed: boolean): string {
  return `${signed ? "a signed" : "an unsigned"} ${bits}-bit integer`;
}

/** Bounds of a ≤32-bit integer. */
export function intBounds(bits: 8 | 16 | 32, signed: boolean): [number, number] {
  return signed ? [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1] : [0, 2 ** bits - 1];
}

/** Decimal text of a ≤32-bit integer, or an error when it does not fit. */
export function formatInt(v: number, bits: 8 | 16 | 32, signed: boolean): Result<string> {
  const [min, max] = intBounds(bits, signed);
  if (!Number.isInteger(v) || v < min || v > max) return err(`${v} is not ${intName(bits, signed)} (${min}..${max})`);
  return ok(String(v));
}

/** Reads a decimal ≤32-bit integer (no sign for unsigned types, no blanks, no `+`). */
export function parseIntText(text: string, bits: 8 | 16 | 32, signed: boolean): Result<number> {
  const [min, max] = intBounds(bits, signed);
  const re = signed ? /^-?[0-9]+$/ : /^[0-9]+$/;
  if (!re.test(text)) return err(`expected ${intName(bits, signed)} in decimal, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) return err(`${text} is out of range for ${intName(bits, signed)} (${min}..${max})`);
  return ok(n || 0); // folds -0 into 0
}

const U64_MAX = (1n << 64n) - 1n;
const S64_MIN = -(1n << 63n);
const S64_MAX = (1n << 63n) - 1n;

/** Bounds of a 64-bit integer. */
export function int64Bounds(signed: boolean): [bigint, bigint] {
  return signed ? [S64_MIN, S64_MAX] : [0n, U64_MAX];
}

/** Decimal text of a 64-bit integer. */
export function formatInt64(v: bigint, signed: boolean): Result<string> {
  const [min, max] = int64Bounds(signed);
  if (v < min || v > max) return err(`${v} is not ${intName(64, signed)}`);
  return ok(v.toString());
}

/** Reads a decimal 64-bit integer. */
export function parseInt64(text: string, signed: boolean): Result<bigint> {
  const re = signed ? /^-?[0-9]+$/ : /^[0-9]+$/;
  if (!re.test(text)) return err(`expected ${intName(64, signed)} in decimal, got "${text}"`);
  const v = BigInt(text);
  const [min, max] = int64Bounds(signed);
  if (v < min || v > max) return err(`${text} is out of range for ${intName(64, signed)}`);
  return ok(v);
}

/** `true` / `false`. */
export function parseBool(text: string): Result<boolean> {
  if (text === "true") return ok(true);
  if (text === "false") return ok(false);
  return err(`expected true or false, got "${text}"`);
}

/** `oid:0x` + lower-case hex without padding. */
export function formatOid(v: bigint): Result<string> {
  if (v < 0n || v > U64_MAX) return err(`${v} is not a 64-bit object id`);
  return ok(`oid:0x${v.toString(16)}`);
}

/** Reads `oid:0x<hex>` (the prefix is required, as in sairedis). */
export function parseOid(text: string): Result<bigint> {
  if (!/^oid:0x[0-9a-fA-F]+$/.test(text)) return err(`expected an object id (oid:0x<hex>), got "${text}"`);
  const v = BigInt(text.slice(4));
  if (v > U64_MAX) return err(`object id ${text} does not fit 64 bits`);
  return ok(v);
}

/** `0x` + lower-case hex (pointers, numeric ACL masks). */
export function formatHex64(v: bigint): Result<string> {
  if (v < 0n || v > U64_MAX) return err(`${v} does not fit 64 bits`);
  return ok(`0x${v.toString(16)}`);
}

/** Reads hex with an optional `0x` prefix, as strtoull(…, 16) does; at most 64 bits. */
export function parseHex64(text: string, what: string): Result<bigint> {
  if (!/^(0[xX])?[0-9a-fA-F]+$/.test(text)) return err(`expected ${what} in hex (0x…), got "${text}"`);
  const v = BigInt(/^0[xX]/.test(text) ? text : `0x${text}`);
  if (v > U64_MAX) return err(`${text} does not fit 64 bits`);
  return ok(v);
}

/**
 * Hex mask of a ≤32-bit integer field. Negative signed masks print sign-extended to 64 bits, because sairedis
 * widens through `uint64_t`; either width parses back.
 */
export function formatIntMask(v: number, bits: 8 | 16 | 32, signed: boolean): Result<string> {
  const range = formatInt(v, bits, signed);
  if (!range.ok) return range;
  return formatHex64(v < 0 ? (1n << 64n) + BigInt(v) : BigInt(v));
}

/** Reads a hex mask of a ≤32-bit integer field (see {@link formatIntMask}). */
export function parseIntMask(text: string, bits: 8 | 16 | 32, signed: boolean): Result<number> {
  const r = parseHex64(text, `a ${bits}-bit mask`);
  if (!r.ok) return r;
  const v = r.value;
  const width = 1n << BigInt(bits);
  if (v < width) return ok(Number(signed && v >= width / 2n ? v - width : v));
  if (signed && v >= (1n << 64n) - width / 2n) return ok(Number(v - (1n << 64n)));
  return err(`mask ${text} does not fit ${intName(bits, signed)}`);
}

const HEX_UPPER = "0123456789ABCDEF";

/** Upper-case hex of raw bytes, no separators (MACsec keys, encrypt/auth keys). */
export function formatHexBytes(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += HEX_UPPER[b >> 4]! + HEX_UPPER[b & 15]!;
  return s;
}

/** Reads hex of at most `length` bytes (either case); missing trailing bytes are zero, as in a zeroed C buffer. */
export function parseHexBytes(text: string, length: number): Result<Uint8Array> {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text))
    return err(`expected an even number of hex digits (up to ${length} bytes), got "${text}"`);
  if (text.length > length * 2) return err(`expected at most ${length} bytes of hex, got ${text.length / 2}`);
  const out = new Uint8Array(length);
  for (let i = 0; i < text.length / 2; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return ok(out);
}

const CHARDATA_BYTES = 32;
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Escaped `char[32]` text: `[0-9A-Za-z]` verbatim, `\` as `\\`, every other byte of the UTF-8 encoding as `\xHH`.
 * The TS value is a string; its UTF-8 bytes must fit 32 bytes and contain no NUL (C ends the string there).
 */
export function formatChardata(v: string): Result<string> {
  // A lone surrogate has no UTF-8 form; TextEncoder would silently turn it into U+FFFD.
  if (/\p{Cs}/u.test(v)) return err(`chardata contains a lone UTF-16 surrogate`);
  const bytes = encoder.encode(v);
  if (bytes.length > CHARDATA_BYTES) return err(`chardata "${v}" is ${bytes.length} bytes; at most 32 fit`);
  let s = "";
  for (const b of bytes) {
    if (b === 0) return err(`chardata may not contain NUL`);
    if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) s += String.fromCharCode(b);
    else if (b === 0x5c) s += "\\\\";
    else s += `\\x${HEX_UPPER[b >> 4]}${HEX_UPPER[b & 15]}`;
  }
  return ok(s);
}

/** Reads escaped chardata: `\\`, `\xHH` (either case) and any other character literally; result must be UTF-8. */
export function parseChardata(text: string): Result<string> {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== "\\") {
      const cp = text.codePointAt(i)!;
      const enc = encoder.encode(String.fromCodePoint(cp));
      bytes.push(...enc);
      if (cp > 0xffff) i++;
      continue;
    }
    if (text[i + 1] === "\\") {
      bytes.push(0x5c);
      i++;
      continue;
    }
    const hex = text.slice(i + 2, i + 4);
    if (text[i + 1] !== "x" || !/^[0-9a-fA-F]{2}$/.test(hex))
      return err(`expected \\\\ or \\xHH after a backslash in chardata, got "${text}"`);
    bytes.push(Number.parseInt(hex, 16));
    i += 3;
  }
  if (bytes.length > CHARDATA_BYTES) return err(`chardata "${text}" is ${bytes.length} bytes; at most 32 fit`);
  if (bytes.includes(0)) return err(`chardata may not contain NUL (\\x00)`);
  try {
    return ok(decoder.decode(new Uint8Array(bytes)));
  } catch {
    return err(`chardata "${text}" is not valid UTF-8`);
  }
}
