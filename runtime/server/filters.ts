/**
 * Flow filters as people write them (`src_ip=10.0.0.1`, `dst_port>=1024`, `version<5`) and as the runtime takes
 * them (bulk-get session filter keys and operators). Shared by the CLI, which rejects bad filters before
 * connecting, and the server, which checks them again for clients other than ours.
 */
import { parseIpAddressText, parseMacText } from "../values/address.js";
import type { FlowScanFilter } from "../api.js";

/** Filters per scan, as in SAI's bulk-get session (FIRST…FIFTH filter ids). */
export const MAX_FILTERS = 5;

type Kind = "int" | "ip" | "mac";

/** Filterable fields: flow key member (or `version`) → bulk-get filter key, value kind, integer bound. */
const FIELDS: Readonly<Record<string, { key: string; kind: Kind; max?: number }>> = {
  eni_mac: { key: "ENI_ADDR", kind: "mac" },
  ip_proto: { key: "IP_PROTOCOL", kind: "int", max: 0xff },
  src_ip: { key: "SRC_IP_ADDR", kind: "ip" },
  dst_ip: { key: "DST_IP_ADDR", kind: "ip" },
  src_port: { key: "SRC_L4_PORT", kind: "int", max: 0xffff },
  dst_port: { key: "DST_L4_PORT", kind: "int", max: 0xffff },
  version: { key: "KEY_VERSION", kind: "int", max: 0xffffffff },
};

/** Operators in the order a filter text is matched (two-character ones first). */
const OPS: readonly [string, string][] = [
  [">=", "GREATER_THAN_OR_EQUAL_TO"],
  ["<=", "LESS_THAN_OR_EQUAL_TO"],
  ["=", "EQUAL_TO"],
  [">", "GREATER_THAN"],
  ["<", "LESS_THAN"],
];

/** The field names filters accept. */
export const FILTER_FIELDS: readonly string[] = Object.keys(FIELDS);

/** A filter as text parts (what the control service carries). */
export interface FilterText {
  readonly field: string;
  readonly op: string;
  readonly value: string;
}

/** Splits `field<op>value` (spaces around the operator allowed). */
export function splitFilter(text: string): { ok: true; filter: FilterText } | { ok: false; error: string } {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|==|=|>|<)\s*(.*?)\s*$/.exec(text);
  if (!m) return { ok: false, error: `bad filter "${text}": expected FIELD OP VALUE with OP one of = > >= < <= (e.g. dst_port=443)` };
  return { ok: true, filter: { field: m[1]!, op: m[2] === "==" ? "=" : m[2]!, value: m[3]! } };
}

/** Checks one text filter and turns it into the runtime's form; errors name the field and say what was expected. */
export function compileFilter(f: FilterText): { ok: true; filter: FlowScanFilter } | { ok: false; error: string } {
  const spec = FIELDS[f.field];
  if (!spec) return { ok: false, error: `unknown filter field "${f.field}"; use one of ${FILTER_FIELDS.join(", ")}` };
  const op = OPS.find(([sym]) => sym === f.op)?.[1];
  if (!op) return { ok: false, error: `filter on ${f.field}: unknown operator "${f.op}"; use one of = > >= < <=` };
  switch (spec.kind) {
    case "int": {
      if (!/^(0|[1-9][0-9]*|0x[0-9a-fA-F]+)$/.test(f.value))
        return { ok: false, error: `filter on ${f.field}: "${f.value}" is not a non-negative integer` };
      const n = Number(f.value);
      if (n > spec.max!) return { ok: false, error: `filter on ${f.field}: ${f.value} is larger than ${spec.max}` };
      return { ok: true, filter: { key: spec.key, op, value: n } };
    }
    case "ip": {
      const r = parseIpAddressText(f.value);
      if (!r.ok) return { ok: false, error: `filter on ${f.field}: ${r.error}` };
      return { ok: true, filter: { key: spec.key, op, value: r.value } };
    }
    case "mac": {
      const r = parseMacText(f.value);
      if (!r.ok) return { ok: false, error: `filter on ${f.field}: ${r.error}` };
      return { ok: true, filter: { key: spec.key, op, value: r.value } };
    }
  }
}

/** Compiles a filter list (at most {@link MAX_FILTERS}); the first problem is the error. */
export function compileFilters(fs: readonly FilterText[]): { ok: true; filters: FlowScanFilter[] } | { ok: false; error: string } {
  if (fs.length > MAX_FILTERS) return { ok: false, error: `at most ${MAX_FILTERS} filters (a bulk-get session has five filter slots), got ${fs.length}` };
  const out: FlowScanFilter[] = [];
  for (const f of fs) {
    const c = compileFilter(f);
    if (!c.ok) return c;
    out.push(c.filter);
  }
  return { ok: true, filters: out };
}
