/**
 * Text forms of MAC and IP values and the literal helpers built on them.
 *
 * Parsing follows glibc `inet_pton` (dotted quads without leading zeros; IPv6 groups of 1–4 hex digits, one `::`,
 * an optional trailing dotted quad) and printing follows glibc `inet_ntop`, because sairedis uses those two calls
 * and byte-identical strings are what makes the text interoperable (SAI-METADATA.md §6).
 */
import { err, ok, type Result } from "./result.js";
import type { IpAddress, IpPrefix, Ipv4, Ipv6, Mac, ObjectId } from "./types.js";

const HEX = "0123456789ABCDEF";

/** `AA:BB:CC:DD:EE:FF`, upper case. */
export function formatMac(mac: Mac): string {
  let s = "";
  for (let i = 0; i < 6; i++) {
    const b = mac[i] ?? 0;
    if (i > 0) s += ":";
    s += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return s;
}

/** Reads six `:`-separated hex pairs (exactly 17 characters, either case). */
export function parseMacText(text: string): Result<Mac> {
  if (text.length !== 17) return err(`expected a MAC address of 17 characters (xx:xx:xx:xx:xx:xx), got "${text}"`);
  const out = new Uint8Array(6);
  for (let i = 0; i < 6; i++) {
    const pair = text.slice(i * 3, i * 3 + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair) || (i < 5 && text[i * 3 + 2] !== ":"))
      return err(`expected a MAC address (xx:xx:xx:xx:xx:xx with hex digits), got "${text}"`);
    out[i] = parseInt(pair, 16);
  }
  return ok(out);
}

/** Dotted quad. */
export function formatIpv4Bytes(bytes: Uint8Array): string {
  return `${bytes[0] ?? 0}.${bytes[1] ?? 0}.${bytes[2] ?? 0}.${bytes[3] ?? 0}`;
}

function parseQuad(text: string): Uint8Array | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    // inet_pton rejects leading zeros ("010" could be read as octal elsewhere).
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

/** Reads a dotted quad as `inet_pton(AF_INET)` does. */
export function parseIpv4Text(text: string): Result<Ipv4> {
  const bytes = parseQuad(text);
  return bytes ? ok({ family: "ipv4", bytes }) : err(`expected an IPv4 address (a.b.c.d), got "${text}"`);
}

/**
 * RFC 5952 text as glibc `inet_ntop` prints it: lower-case hex, the longest run (first on ties) of two or more zero
 * groups compressed to `::`, and `::ffff:a.b.c.d` / `::a.b.c.d` when the first 80/96 bits are zero.
 */
export function formatIpv6Bytes(bytes: Uint8Array): string {
  const words: number[] = [];
  for (let i = 0; i < 8; i++) words.push(((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let s = "";
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) s += ":";
      continue;
    }
    if (i !== 0) s += ":";
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      s += formatIpv4Bytes(bytes.subarray(12, 16));
      return s;
    }
    s += words[i]!.toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) s += ":";
  return s;
}

function parseIpv6Bytes(text: string): Uint8Array | null {
  if (text.length === 0) return null;
  const dbl = text.indexOf("::");
  if (dbl !== -1 && text.indexOf("::", dbl + 1) !== -1) return null;
  const splitGroups = (part: string): string[] | null => (part === "" ? [] : part.split(":"));
  const head = dbl === -1 ? splitGroups(text) : splitGroups(text.slice(0, dbl));
  const tail = dbl === -1 ? [] : splitGroups(text.slice(dbl + 2));
  if (!head || !tail) return null;
  const words: number[][] = [[], []];
  const groups: [string[], number][] = [
    [head, 0],
    [tail, 1],
  ];
  for (const [list, side] of groups) {
    for (let i = 0; i < list.length; i++) {
      const g = list[i]!;
      const isLast = side === (dbl === -1 ? 0 : 1) && i === list.length - 1;
      if (isLast && g.includes(".")) {
        const quad = parseQuad(g);
        if (!quad) return null;
        words[side]!.push((quad[0]! << 8) | quad[1]!, (quad[2]! << 8) | quad[3]!);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      words[side]!.push(parseInt(g, 16));
    }
  }
  const explicit = words[0]!.length + words[1]!.length;
  if (dbl === -1 ? explicit !== 8 : explicit > 7) return null;
  const all = [...words[0]!, ...new Array<number>(8 - explicit).fill(0), ...words[1]!];
  const out = new Uint8Array(16);
  all.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

/** Reads IPv6 text as `inet_pton(AF_INET6)` does (any valid compression, either case, embedded dotted quad). */
export function parseIpv6Text(text: string): Result<Ipv6> {
  const bytes = parseIpv6Bytes(text);
  return bytes ? ok({ family: "ipv6", bytes }) : err(`expected an IPv6 address (e.g. fe80::1), got "${text}"`);
}

/** IPv4 or IPv6 text by family. */
export function formatIpAddress(ip: IpAddress): string {
  return ip.family === "ipv4" ? formatIpv4Bytes(ip.bytes) : formatIpv6Bytes(ip.bytes);
}

/** Reads IPv4 or IPv6 text, inferring the family. */
export function parseIpAddressText(text: string): Result<IpAddress> {
  const v4 = parseQuad(text);
  if (v4) return ok({ family: "ipv4", bytes: v4 });
  const v6 = parseIpv6Bytes(text);
  if (v6) return ok({ family: "ipv6", bytes: v6 });
  return err(`expected an IPv4 or IPv6 address, got "${text}"`);
}

/** Number of leading one bits of a contiguous mask, or null when the mask has a hole (e.g. 255.0.255.0). */
export function maskLength(mask: Uint8Array): number | null {
  let len = 0;
  let i = 0;
  for (; i < mask.length && mask[i] === 0xff; i++) len += 8;
  if (i < mask.length) {
    const b = mask[i]!;
    // A contiguous partial byte is 1…10…0: its complement plus one is a power of two.
    const inv = ~b & 0xff;
    if ((inv & (inv + 1)) !== 0) return null;
    len += 8 - Math.log2(inv + 1);
    for (i++; i < mask.length; i++) if (mask[i] !== 0) return null;
  }
  return len;
}

/** The contiguous mask of `len` leading ones over `bytes` bytes. */
export function maskFromLength(len: number, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    const bits = Math.max(0, Math.min(8, len - 8 * i));
    out[i] = bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff;
  }
  return out;
}

/** `addr/len`; fails for a non-contiguous mask, which this text form cannot express. */
export function formatIpPrefix(prefix: IpPrefix): Result<string> {
  const len = maskLength(prefix.mask);
  if (len === null)
    return err(
      `prefix mask ${prefix.family === "ipv4" ? formatIpv4Bytes(prefix.mask) : formatIpv6Bytes(prefix.mask)} is not contiguous and has no addr/len form`,
    );
  const addr = prefix.family === "ipv4" ? formatIpv4Bytes(prefix.addr) : formatIpv6Bytes(prefix.addr);
  return ok(`${addr}/${len}`);
}

/** Reads `addr/len` (family inferred; len 0–32 or 0–128). The address is kept as written, not masked. */
export function parseIpPrefixText(text: string): Result<IpPrefix> {
  const parts = text.split("/");
  if (parts.length !== 2) return err(`expected an IP prefix (addr/len), got "${text}"`);
  const [addrText, lenText] = parts as [string, string];
  if (!/^[0-9]{1,10}$/.test(lenText)) return err(`expected a decimal prefix length after "/", got "${text}"`);
  const len = Number(lenText);
  const addr = parseIpAddressText(addrText);
  if (!addr.ok) return err(`expected an IP prefix (addr/len), got "${text}"`);
  const max = addr.value.family === "ipv4" ? 32 : 128;
  if (len > max) return err(`prefix length ${len} exceeds ${max} in "${text}"`);
  return ok({ family: addr.value.family, addr: addr.value.bytes, mask: maskFromLength(len, max / 8) } as IpPrefix);
}

function unwrap<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new TypeError(`${what}: ${r.error}`);
  return r.value;
}

/** MAC literal from `xx:xx:xx:xx:xx:xx`; throws TypeError on bad text (meant for constants). */
export function mac(text: string): Mac {
  return unwrap(parseMacText(text), "mac()");
}

/** IPv4 literal from a dotted quad; throws TypeError on bad text. */
export function ipv4(text: string): Ipv4 {
  return unwrap(parseIpv4Text(text), "ipv4()");
}

/** IPv6 literal; throws TypeError on bad text. */
export function ipv6(text: string): Ipv6 {
  return unwrap(parseIpv6Text(text), "ipv6()");
}

/** IP address literal of either family; throws TypeError on bad text. */
export function ipAddress(text: string): IpAddress {
  return unwrap(parseIpAddressText(text), "ipAddress()");
}

/** IP prefix literal from `addr/len`; throws TypeError on bad text. */
export function ipPrefix(text: string): IpPrefix {
  return unwrap(parseIpPrefixText(text), "ipPrefix()");
}

const U64_LIMIT = 1n << 64n;

/**
 * Object id from a bigint, a non-negative safe integer, or sairedis text `oid:0x…`; throws RangeError / TypeError
 * outside [0, 2^64) or on bad text.
 */
export function oid(n: bigint | number | string): ObjectId {
  let v: bigint;
  if (typeof n === "string") {
    if (!/^oid:0x[0-9a-fA-F]{1,16}$/.test(n)) throw new TypeError(`oid(): expected oid:0x<hex>, got "${n}"`);
    v = BigInt(n.slice(4));
  } else if (typeof n === "number") {
    if (!Number.isSafeInteger(n)) throw new RangeError(`oid(): ${n} is not a safe integer; pass a bigint`);
    v = BigInt(n);
  } else v = n;
  if (v < 0n || v >= U64_LIMIT) throw new RangeError(`oid(): ${v} is outside [0, 2^64)`);
  return v as ObjectId;
}
