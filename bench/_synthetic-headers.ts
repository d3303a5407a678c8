/**
 * Writes a synthetic SAI header tree of about the upstream size (84 headers, ~55k lines) for the generator
 * benchmark, so it runs without a copy of upstream SAI. Every file follows SAI conventions and passes checks.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const TYPES = [
  ["sai_uint32_t", "0", "u32"], ["sai_uint64_t", "0", "u64"], ["bool", "false", "bool"], ["sai_mac_t", "vendor", "mac"],
  ["sai_ip_address_t", "0.0.0.0", "ip"], ["sai_uint8_t", "0", "u8"], ["sai_int32_t", "0", "s32"],
] as const;

function license(file: string): string {
  return `/**\n * Synthetic benchmark header.\n *\n * @file    ${file}\n *\n * @brief   Generated for the saigen benchmark\n */\n`;
}

/** Writes `objects` object headers (each with `attrs` attributes) plus the base headers into `dir`. */
export function writeSyntheticTree(dir: string, objects = 81, attrs = 60): { files: number; lines: number } {
  mkdirSync(dir, { recursive: true });
  let lines = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    lines += text.split("\n").length;
  };
  const names = Array.from({ length: objects }, (_, i) => `bench${String(i).padStart(3, "0")}`);
  write("saitypes.h", baseTypes(names));
  write("saistatus.h", `${license("saistatus.h")}\n#if !defined (__SAISTATUS_H_)\n#define __SAISTATUS_H_\n\n#define SAI_STATUS_CODE(_S_) (-(_S_))\n#define SAI_STATUS_SUCCESS 0x00000000L\n#define SAI_STATUS_FAILURE SAI_STATUS_CODE(0x00000001L)\n#define SAI_STATUS_INVALID_ATTRIBUTE_0 SAI_STATUS_CODE(0x00010000L)\n#define SAI_STATUS_INVALID_ATTRIBUTE_MAX SAI_STATUS_CODE(0x0001FFFFL)\n\n#endif /** __SAISTATUS_H_ */\n`);
  write("sai.h", apiEnum(names));
  for (const n of names) write(`sai${n}.h`, objectHeader(n, names, attrs));
  return { files: names.length + 3, lines };
}

function baseTypes(names: string[]): string {
  const ots = names.map((n, i) => `    SAI_OBJECT_TYPE_${n.toUpperCase()} = ${i + 1},\n`).join("");
  return `${license("saitypes.h")}
#if !defined (__SAITYPES_H_)
#define __SAITYPES_H_

#include <stdint.h>
#include <stdbool.h>

typedef uint8_t sai_uint8_t;
typedef int32_t sai_int32_t;
typedef uint32_t sai_uint32_t;
typedef uint64_t sai_uint64_t;
typedef int32_t sai_status_t;
typedef uint32_t sai_attr_id_t;
typedef uint64_t sai_object_id_t;
typedef uint8_t sai_mac_t[6];
typedef uint32_t sai_ip4_t;
typedef uint8_t sai_ip6_t[16];

#define SAI_NULL_OBJECT_ID 0L

/**
 * @brief Object types
 */
typedef enum _sai_object_type_t
{
    SAI_OBJECT_TYPE_NULL = 0,
${ots}    SAI_OBJECT_TYPE_MAX,
} sai_object_type_t;

/**
 * @brief Address family
 */
typedef enum _sai_ip_addr_family_t
{
    SAI_IP_ADDR_FAMILY_IPV4,

    SAI_IP_ADDR_FAMILY_IPV6

} sai_ip_addr_family_t;

/**
 * @extraparam sai_ip_addr_family_t addr_family
 */
typedef union _sai_ip_addr_t
{
    /** @validonly addr_family == SAI_IP_ADDR_FAMILY_IPV4 */
    sai_ip4_t ip4;

    /** @validonly addr_family == SAI_IP_ADDR_FAMILY_IPV6 */
    sai_ip6_t ip6;
} sai_ip_addr_t;

/**
 * @brief IP address
 */
typedef struct _sai_ip_address_t
{
    sai_ip_addr_family_t addr_family;

    /** @passparam addr_family */
    sai_ip_addr_t addr;
} sai_ip_address_t;

/**
 * @brief Attribute value
 */
typedef union _sai_attribute_value_t
{
    bool booldata;
    sai_uint8_t u8;
    sai_int32_t s32;
    sai_uint32_t u32;
    sai_uint64_t u64;
    sai_mac_t mac;
    sai_ip_address_t ipaddr;
    sai_object_id_t oid;
} sai_attribute_value_t;

/**
 * @brief Attribute
 */
typedef struct _sai_attribute_t
{
    sai_attr_id_t id;
    sai_attribute_value_t value;
} sai_attribute_t;

#endif /** __SAITYPES_H_ */
`;
}

function apiEnum(names: string[]): string {
  const vals = names.map((n, i) => `    SAI_API_${n.toUpperCase()} = ${i + 1}, /**< sai_${n}_api_t */\n`).join("");
  return `${license("sai.h")}
#if !defined (__SAI_H_)
#define __SAI_H_

/**
 * @brief APIs
 */
typedef enum _sai_api_t
{
    SAI_API_UNSPECIFIED = 0, /**< unspecified */
${vals}    SAI_API_MAX, /**< number of APIs */
} sai_api_t;

#endif /** __SAI_H_ */
`;
}

function objectHeader(n: string, names: string[], attrs: number): string {
  const U = n.toUpperCase();
  const idx = names.indexOf(n);
  const other = names[(idx + 1) % names.length]!.toUpperCase();
  // a chain, not a ring: settable references may not form a loop, so the last link is read-only
  const peerFlags = idx === names.length - 1 ? "READ_ONLY" : "CREATE_AND_SET";
  const peerDefault = idx === names.length - 1 ? "" : "\n     * @allownull true\n     * @default SAI_NULL_OBJECT_ID";
  let body = `${license(`sai${n}.h`)}
#if !defined (__SAI${U}_H_)
#define __SAI${U}_H_

#include <saitypes.h>

/**
 * @brief Kinds of ${n}
 */
typedef enum _sai_${n}_kind_t
{
    SAI_${U}_KIND_FIRST,

    SAI_${U}_KIND_SECOND,

    SAI_${U}_KIND_THIRD,

} sai_${n}_kind_t;

/**
 * @brief Attributes of ${n}
 */
typedef enum _sai_${n}_attr_t
{
    /**
     * @brief Start of attributes
     */
    SAI_${U}_ATTR_START,

    /**
     * @brief Kind of the object
     *
     * @type sai_${n}_kind_t
     * @flags MANDATORY_ON_CREATE | CREATE_ONLY
     */
    SAI_${U}_ATTR_KIND = SAI_${U}_ATTR_START,

    /**
     * @brief Referenced object
     *
     * @type sai_object_id_t
     * @flags ${peerFlags}
     * @objects SAI_OBJECT_TYPE_${other}${peerDefault}
     */
    SAI_${U}_ATTR_PEER_ID,

    /**
     * @brief Only for the second kind
     *
     * @type sai_uint32_t
     * @flags MANDATORY_ON_CREATE | CREATE_AND_SET
     * @condition SAI_${U}_ATTR_KIND == SAI_${U}_KIND_SECOND
     */
    SAI_${U}_ATTR_SECOND_VALUE,
`;
  for (let i = 0; i < attrs - 3; i++) {
    const [type, def] = TYPES[i % TYPES.length]!;
    body += `
    /**
     * @brief Field number ${i} of the object
     *
     * @type ${type}
     * @flags CREATE_AND_SET
     * @default ${def}
     */
    SAI_${U}_ATTR_FIELD_${i},
`;
  }
  body += `
    /**
     * @brief End of attributes
     */
    SAI_${U}_ATTR_END,

    /** Custom range base value */
    SAI_${U}_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** End of custom range base */
    SAI_${U}_ATTR_CUSTOM_RANGE_END

} sai_${n}_attr_t;
`;
  const fn = (kind: string, ret: string, params: string[], doc: string[]) =>
    `\n/**\n * @brief ${kind}\n *\n${doc.map((d) => ` * ${d}\n`).join("")} *\n * @return Status\n */\ntypedef ${ret} (*sai_${kind}_fn)(\n        ${params.join(",\n        ")});\n`;
  body += fn(`create_${n}`, "sai_status_t", [`_Out_ sai_object_id_t *${n}_id`, "_In_ sai_object_id_t switch_id", "_In_ uint32_t attr_count", "_In_ const sai_attribute_t *attr_list"], [`@param[out] ${n}_id Object id`, "@param[in] switch_id Switch id", "@param[in] attr_count Number of attributes", "@param[in] attr_list Attributes"]);
  body += fn(`remove_${n}`, "sai_status_t", [`_In_ sai_object_id_t ${n}_id`], [`@param[in] ${n}_id Object id`]);
  body += fn(`set_${n}_attribute`, "sai_status_t", [`_In_ sai_object_id_t ${n}_id`, "_In_ const sai_attribute_t *attr"], [`@param[in] ${n}_id Object id`, "@param[in] attr Attribute"]);
  body += fn(`get_${n}_attribute`, "sai_status_t", [`_In_ sai_object_id_t ${n}_id`, "_In_ uint32_t attr_count", "_Inout_ sai_attribute_t *attr_list"], [`@param[in] ${n}_id Object id`, "@param[in] attr_count Number of attributes", "@param[inout] attr_list Attributes"]);
  body += `
/**
 * @brief Methods of ${n}
 */
typedef struct _sai_${n}_api_t
{
    sai_create_${n}_fn create_${n};
    sai_remove_${n}_fn remove_${n};
    sai_set_${n}_attribute_fn set_${n}_attribute;
    sai_get_${n}_attribute_fn get_${n}_attribute;

} sai_${n}_api_t;

#endif /** __SAI${U}_H_ */
`;
  return body;
}
