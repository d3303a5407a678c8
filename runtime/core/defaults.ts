/**
 * Default values: what create stores for an attribute the caller left out, and what get answers for one that has
 * no stored value. The runtime is the vendor, so `@default vendor`, `const` and switch-internal defaults are the
 * zero value of the attribute's type (all-zero MAC, `0.0.0.0`, 0); ATTR_VALUE defaults copy the named attribute
 * of the object this one refers to (SAI-METADATA.md §2.3).
 */
import type { AttrMetadata, ConstValue } from "../../generator/model/types.js";
import { parseIpAddressText, parseIpv4Text, parseIpv6Text, parseMacText } from "../values/address.js";
import { VALUE_SHAPES, valueTypeName, type Shape } from "../values/shapes.js";

/** The zero value of a shape (what C's all-zero bytes mean for it). */
export function zeroOf(shape: Shape): unknown {
  switch (shape.kind) {
    case "bool":
      return false;
    case "int":
      return 0;
    case "int64":
    case "oid":
    case "pointer":
      return 0n;
    case "chardata":
      return "";
    case "mac":
      return new Uint8Array(6);
    case "ipv4":
    case "ipaddr":
      return { family: "ipv4", bytes: new Uint8Array(4) };
    case "ipv6":
      return { family: "ipv6", bytes: new Uint8Array(16) };
    case "prefix":
      return { family: "ipv4", addr: new Uint8Array(4), mask: new Uint8Array(4) };
    case "bytes":
      return new Uint8Array(shape.length);
    case "list":
      return [];
    case "array":
      return shape.length === undefined ? [] : Array.from({ length: shape.length }, () => zeroOf(shape.item));
    case "range":
      return { min: zeroOf(shape.item), max: zeroOf(shape.item) };
    case "struct": {
      const o: Record<string, unknown> = {};
      for (const [n, s] of shape.members) o[n] = zeroOf(s);
      return o;
    }
    case "union": {
      const [n, s] = shape.members[0]!;
      return { [n]: zeroOf(s) };
    }
    case "aclfield":
    case "aclaction":
      return { enable: false };
  }
}

/** The zero value of an attribute's value type. */
export function zeroValue(a: AttrMetadata): unknown {
  const vt = valueTypeName(a.attrvaluetype);
  return vt ? zeroOf(VALUE_SHAPES[vt]) : undefined;
}

function is64(a: AttrMetadata): boolean {
  return /INT64$|OBJECT_ID$|POINTER$|MACSEC_SCI$/.test(a.attrvaluetype);
}

/** A header constant as a value of `a`'s type; undefined when it carries no value (`@default const`). */
export function constValue(a: AttrMetadata, c: ConstValue): unknown {
  switch (c.kind) {
    case "bool":
      return c.value;
    case "int":
      return is64(a) ? BigInt(c.value) : Number(c.value);
    case "enum":
      return c.value;
    case "oid":
    case "pointer":
      return 0n;
    case "ipv4": {
      const r = parseIpv4Text(c.value);
      return r.ok ? r.value : zeroValue(a);
    }
    case "ipv6": {
      const r = parseIpv6Text(c.value);
      return r.ok ? r.value : zeroValue(a);
    }
    case "ipaddr": {
      const r = parseIpAddressText(c.value);
      return r.ok ? r.value : zeroValue(a);
    }
    case "mac": {
      const r = parseMacText(c.value);
      return r.ok ? r.value : zeroValue(a);
    }
    case "chardata":
      return c.value;
    case "acl":
      return { enable: false };
    case "zero":
    case "const":
      return zeroValue(a);
  }
}

/** Reads attribute `attrName` of the object an OID attribute of the same object points at (ATTR_VALUE defaults). */
export type AttrValueSource = (objectType: string, attrName: string) => unknown;

/**
 * The value create stores for an absent attribute, or undefined when nothing is stored (no default, READ_ONLY,
 * conditional attributes whose condition is not met are still given their default: get must answer something).
 */
export function defaultValue(a: AttrMetadata, fromReferenced?: AttrValueSource): unknown {
  switch (a.defaultvaluetype) {
    case "SAI_DEFAULT_VALUE_TYPE_CONST":
      return a.defaultvalue ? constValue(a, a.defaultvalue) : zeroValue(a);
    case "SAI_DEFAULT_VALUE_TYPE_EMPTY_LIST":
      return zeroValue(a);
    case "SAI_DEFAULT_VALUE_TYPE_ATTR_VALUE": {
      if (fromReferenced && a.defaultvalueobjecttype && a.defaultvalueattrid) {
        const v = fromReferenced(a.defaultvalueobjecttype, a.defaultvalueattrid);
        if (v !== undefined) return v;
      }
      return zeroValue(a);
    }
    case "SAI_DEFAULT_VALUE_TYPE_VENDOR_SPECIFIC":
    case "SAI_DEFAULT_VALUE_TYPE_SWITCH_INTERNAL":
    case "SAI_DEFAULT_VALUE_TYPE_ATTR_RANGE":
      return zeroValue(a);
    case "SAI_DEFAULT_VALUE_TYPE_NONE":
      return undefined;
  }
}
