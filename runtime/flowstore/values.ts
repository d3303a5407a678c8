/**
 * Plain-value codecs for the flow store: MAC and IP text ⇄ bytes. Kept free of store types so key packing,
 * filters and tests share one parser (a second, slightly different IPv6 parser is how two "equal" keys end up
 * in different hash buckets).
 */

/** `sai_ip_addr_family_t` values as stored in the family byte of an IP field. */
export const IP_FAMILY_V4 = 0;
/** `SAI_IP_ADDR_FAMILY_IPV6`. */
export const IP_FAMILY_V6 = 1;

/** An IP address as family + network-order bytes (4 bytes for IPv4, 16 for IPv6; longer input is cut). */
export interface IpValue {
  family: "ipv4" | "ipv6";
  bytes: Uint8Array;
}

/** A parsed IP address: numeric family (0 = IPv4, 1 = IPv6) and 16 bytes, IPv4 in the first 4. */
export interface IpBytes {
  family: 0 | 1;
  bytes: Uint8Array;
}

/** Parses dotted-quad IPv4 into `out[at..at+4)`; false when the text is not an IPv4 address. */
function parseV4Into(text: string, out: Uint8Array, at: number): boolean {
  const parts = text.split(".");
  if (parts.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^\d{1,3}$/.test(p)) return false;
    const v = Number(p);
    if (v > 255) return false;
    out[at + i] = v;
  }
  return true;
}

/** Parses one run of colon-separated IPv6 groups (a trailing dotted quad allowed when `allowV4`). */
function parseGroups(text: string, allowV4: boolean): number[] | null {
  if (text === "") return [];
  const groups = text.split(":");
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (allowV4 && i === groups.length - 1 && g.includes(".")) {
      const b = new Uint8Array(4);
      if (!parseV4Into(g, b, 0)) return null;
      words.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    words.push(parseInt(g, 16));
  }
  return words;
}

/** Parses IPv4 or IPv6 text (with `::` and an embedded dotted quad) into 16 bytes; null when invalid. */
export function parseIp(text: string): IpBytes | null {
  const bytes = new Uint8Array(16);
  if (!text.includes(":")) return parseV4Into(text, bytes, 0) ? { family: 0, bytes } : null;
  const dbl = text.indexOf("::");
  let words: number[];
  if (dbl >= 0) {
    if (text.indexOf("::", dbl + 1) >= 0) return null;
    const head = parseGroups(text.slice(0, dbl), false);
    const tail = parseGroups(text.slice(dbl + 2), true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (!all || all.length !== 8) return null;
    words = all;
  }
  for (let i = 0; i < 8; i++) {
    bytes[2 * i] = words[i]! >>> 8;
    bytes[2 * i + 1] = words[i]! & 0xff;
  }
  return { family: 1, bytes };
}

/** Formats an IPv4 address from 4 bytes at `at`. */
export function formatIpv4(b: Uint8Array, at = 0): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
}

/** Formats an IPv6 address from 16 bytes at `at` in RFC 5952 form (lower case, longest zero run as `::`). */
export function formatIpv6(b: Uint8Array, at = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[at + 2 * i]! << 8) | b[at + 2 * i + 1]!);
  let bestStart = -1;
  let bestLen = 1; // RFC 5952: a single zero group is not compressed
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(":");
  if (bestStart < 0) return hex(w);
  return `${hex(w.slice(0, bestStart))}::${hex(w.slice(bestStart + bestLen))}`;
}

/** Formats an IP field stored as family byte + 16 bytes. */
export function formatIp(family: number, b: Uint8Array, at = 0): string {
  return family === IP_FAMILY_V6 ? formatIpv6(b, at) : formatIpv4(b, at);
}

/** Normalizes any accepted IP input (text or `{family, bytes}`) to family + 16 bytes; null when invalid. */
export function toIpBytes(v: unknown): IpBytes | null {
  if (typeof v === "string") return parseIp(v);
  if (v && typeof v === "object" && "bytes" in v && "family" in v) {
    const { family, bytes } = v as { family: unknown; bytes: unknown };
    if (!(bytes instanceof Uint8Array)) return null;
    const fam = family === "ipv6" || family === 1 ? 1 : family === "ipv4" || family === 0 ? 0 : -1;
    if (fam < 0) return null;
    const need = fam === 1 ? 16 : 4;
    if (bytes.length < need) return null;
    const out = new Uint8Array(16);
    out.set(bytes.subarray(0, need));
    return { family: fam as 0 | 1, bytes: out };
  }
  return null;
}

/** Parses `aa:bb:cc:dd:ee:ff` (or `-` separated) or takes a 6-byte array; null when invalid. */
export function toMacBytes(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v.length === 6 ? v : null;
  if (typeof v !== "string") return null;
  const m = /^([0-9a-fA-F]{2})[:-]([0-9a-fA-F]{2})[:-]([0-9a-fA-F]{2})[:-]([0-9a-fA-F]{2})[:-]([0-9a-fA-F]{2})[:-]([0-9a-fA-F]{2})$/.exec(v);
  if (!m) return null;
  const out = new Uint8Array(6);
  for (let i = 0; i < 6; i++) out[i] = parseInt(m[i + 1]!, 16);
  return out;
}

/** Formats 6 MAC bytes at `at` as lower-case `aa:bb:cc:dd:ee:ff`. */
export function formatMac(b: Uint8Array, at = 0): string {
  let s = "";
  for (let i = 0; i < 6; i++) s += (i ? ":" : "") + b[at + i]!.toString(16).padStart(2, "0");
  return s;
}

/** Big-endian uint32 of 4 bytes at `at` (how IPv4 addresses and MAC high halves compare numerically). */
export function be32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** Accepts number, bigint or decimal/hex text as an integer; null when not an integer. */
export function toBigInt(v: unknown): bigint | null {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : null;
  if (typeof v === "string") {
    const t = v.startsWith("oid:") ? v.slice(4) : v;
    if (!/^(0x[0-9a-fA-F]+|-?\d+)$/.test(t)) return null;
    return BigInt(t);
  }
  return null;
}
