/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saitypes.h
 *
 * @brief   Basic scalar, list, address and attribute types shared by all SAI headers
 */

#if !defined (__SAITYPES_H_)
#define __SAITYPES_H_

/**
 * @defgroup SAITYPES SAI - Basic types
 *
 * @{
 */

#if defined(_WIN32)

/*
 * Windows builds take the fixed width types from the platform headers.
 */

typedef UINT8  uint8_t;
typedef UINT16 uint16_t;
typedef UINT32 uint32_t;
typedef INT32  int32_t;
typedef INT64  int64_t;
typedef UINT64 uint64_t;

typedef INT32   sai_status_t;
typedef UINT32  sai_switch_profile_id_t;
typedef UINT16  sai_vlan_id_t;
typedef UINT32  sai_attr_id_t;
typedef UINT8   sai_cos_t;
typedef UINT8   sai_queue_index_t;
typedef UINT8   sai_mac_t[6];
typedef UINT32  sai_ip4_t;
typedef UINT8   sai_ip6_t[16];
typedef UINT32  sai_switch_hash_seed_t;
typedef UINT32  sai_label_id_t;
typedef UINT32  sai_stat_id_t;

#include <ws2def.h>
#include <ws2ipdef.h>

#if !defined(__BOOL_DEFINED)

typedef enum
{
    false,
    true
} _bool;

#define bool _bool

#endif /* __BOOL_DEFINED */

/**
 * @def PATH_MAX
 * Windows limits paths to MAX_PATH characters
 */
#define PATH_MAX MAX_PATH

#else /* #if defined(_WIN32) */

#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>

typedef int32_t  sai_status_t;
typedef uint32_t sai_switch_profile_id_t;
typedef uint16_t sai_vlan_id_t;
typedef uint32_t sai_attr_id_t;
typedef uint8_t  sai_cos_t;
typedef uint8_t  sai_queue_index_t;
typedef uint8_t  sai_mac_t[6];
typedef uint32_t sai_ip4_t;
typedef uint8_t  sai_ip6_t[16];
typedef uint32_t sai_switch_hash_seed_t;
typedef uint32_t sai_label_id_t;
typedef uint32_t sai_stat_id_t;

#define _In_
#define _Out_
#define _Inout_
#define _In_reads_z_(_LEN_)
#define _In_reads_opt_z_(_LEN_)

#endif /* _WIN32 */

/*
 * Platform independent aliases
 */

typedef uint64_t sai_uint64_t;
typedef int64_t sai_int64_t;
typedef uint32_t sai_uint32_t;
typedef int32_t sai_int32_t;
typedef uint16_t sai_uint16_t;
typedef int16_t sai_int16_t;
typedef uint8_t sai_uint8_t;
typedef int8_t sai_int8_t;
typedef size_t sai_size_t;
typedef uint64_t sai_object_id_t;
typedef void *sai_pointer_t;
typedef uint64_t sai_api_version_t;

/**
 * @brief Point in time expressed as seconds plus nanoseconds
 */
typedef struct _sai_timespec_t
{
    uint64_t tv_sec;
    uint32_t tv_nsec;
} sai_timespec_t;

/**
 * @def SAI_NULL_OBJECT_ID
 * Object id value that refers to no object
 */
#define SAI_NULL_OBJECT_ID 0L

/**
 * @brief List of object ids carried in an attribute value
 *
 * On get, the caller sets count to the capacity of list. When the capacity
 * is too small the callee stores the required count and returns
 * #SAI_STATUS_BUFFER_OVERFLOW so that the caller can retry with a larger list.
 */
typedef struct _sai_object_list_t
{
    uint32_t count;
    sai_object_id_t *list;
} sai_object_list_t;

/**
 * @brief Every kind of object known to SAI
 *
 * The values are part of the object id encoding and never change.
 */
typedef enum _sai_object_type_t
{
    SAI_OBJECT_TYPE_NULL = 0, /**< not a valid object type */
    SAI_OBJECT_TYPE_PORT = 1,
    SAI_OBJECT_TYPE_LAG = 2,
    SAI_OBJECT_TYPE_VIRTUAL_ROUTER = 3,
    SAI_OBJECT_TYPE_NEXT_HOP = 4,
    SAI_OBJECT_TYPE_NEXT_HOP_GROUP = 5,
    SAI_OBJECT_TYPE_ROUTER_INTERFACE = 6,
    SAI_OBJECT_TYPE_ACL_TABLE = 7,
    SAI_OBJECT_TYPE_ACL_ENTRY = 8,
    SAI_OBJECT_TYPE_ACL_COUNTER = 9,
    SAI_OBJECT_TYPE_ACL_RANGE = 10,
    SAI_OBJECT_TYPE_ACL_TABLE_GROUP = 11,
    SAI_OBJECT_TYPE_ACL_TABLE_GROUP_MEMBER = 12,
    SAI_OBJECT_TYPE_HOSTIF = 13,
    SAI_OBJECT_TYPE_MIRROR_SESSION = 14,
    SAI_OBJECT_TYPE_SAMPLEPACKET = 15,
    SAI_OBJECT_TYPE_STP = 16,
    SAI_OBJECT_TYPE_HOSTIF_TRAP_GROUP = 17,
    SAI_OBJECT_TYPE_POLICER = 18,
    SAI_OBJECT_TYPE_WRED = 19,
    SAI_OBJECT_TYPE_QOS_MAP = 20,
    SAI_OBJECT_TYPE_QUEUE = 21,
    SAI_OBJECT_TYPE_SCHEDULER = 22,
    SAI_OBJECT_TYPE_SCHEDULER_GROUP = 23,
    SAI_OBJECT_TYPE_BUFFER_POOL = 24,
    SAI_OBJECT_TYPE_BUFFER_PROFILE = 25,
    SAI_OBJECT_TYPE_INGRESS_PRIORITY_GROUP = 26,
    SAI_OBJECT_TYPE_LAG_MEMBER = 27,
    SAI_OBJECT_TYPE_HASH = 28,
    SAI_OBJECT_TYPE_UDF = 29,
    SAI_OBJECT_TYPE_UDF_MATCH = 30,
    SAI_OBJECT_TYPE_UDF_GROUP = 31,
    SAI_OBJECT_TYPE_FDB_ENTRY = 32,
    SAI_OBJECT_TYPE_SWITCH = 33,
    SAI_OBJECT_TYPE_HOSTIF_TRAP = 34,
    SAI_OBJECT_TYPE_HOSTIF_TABLE_ENTRY = 35,
    SAI_OBJECT_TYPE_NEIGHBOR_ENTRY = 36,
    SAI_OBJECT_TYPE_ROUTE_ENTRY = 37,
    SAI_OBJECT_TYPE_VLAN = 38,
    SAI_OBJECT_TYPE_VLAN_MEMBER = 39,
    SAI_OBJECT_TYPE_HOSTIF_PACKET = 40,
    SAI_OBJECT_TYPE_TUNNEL_MAP = 41,
    SAI_OBJECT_TYPE_TUNNEL = 42,
    SAI_OBJECT_TYPE_TUNNEL_TERM_TABLE_ENTRY = 43,
    SAI_OBJECT_TYPE_FDB_FLUSH = 44,
    SAI_OBJECT_TYPE_NEXT_HOP_GROUP_MEMBER = 45,
    SAI_OBJECT_TYPE_STP_PORT = 46,
    SAI_OBJECT_TYPE_RPF_GROUP = 47,
    SAI_OBJECT_TYPE_RPF_GROUP_MEMBER = 48,
    SAI_OBJECT_TYPE_L2MC_GROUP = 49,
    SAI_OBJECT_TYPE_L2MC_GROUP_MEMBER = 50,
    SAI_OBJECT_TYPE_IPMC_GROUP = 51,
    SAI_OBJECT_TYPE_IPMC_GROUP_MEMBER = 52,
    SAI_OBJECT_TYPE_L2MC_ENTRY = 53,
    SAI_OBJECT_TYPE_IPMC_ENTRY = 54,
    SAI_OBJECT_TYPE_MCAST_FDB_ENTRY = 55,
    SAI_OBJECT_TYPE_HOSTIF_USER_DEFINED_TRAP = 56,
    SAI_OBJECT_TYPE_BRIDGE = 57,
    SAI_OBJECT_TYPE_BRIDGE_PORT = 58,
    SAI_OBJECT_TYPE_TUNNEL_MAP_ENTRY = 59,
    SAI_OBJECT_TYPE_TAM = 60,
    SAI_OBJECT_TYPE_SRV6_SIDLIST = 61,
    SAI_OBJECT_TYPE_PORT_POOL = 62,
    SAI_OBJECT_TYPE_INSEG_ENTRY = 63,
    SAI_OBJECT_TYPE_DTEL = 64,
    SAI_OBJECT_TYPE_DTEL_QUEUE_REPORT = 65,
    SAI_OBJECT_TYPE_DTEL_INT_SESSION = 66,
    SAI_OBJECT_TYPE_DTEL_REPORT_SESSION = 67,
    SAI_OBJECT_TYPE_DTEL_EVENT = 68,
    SAI_OBJECT_TYPE_BFD_SESSION = 69,
    SAI_OBJECT_TYPE_ISOLATION_GROUP = 70,
    SAI_OBJECT_TYPE_ISOLATION_GROUP_MEMBER = 71,
    SAI_OBJECT_TYPE_TAM_MATH_FUNC = 72,
    SAI_OBJECT_TYPE_TAM_REPORT = 73,
    SAI_OBJECT_TYPE_TAM_EVENT_THRESHOLD = 74,
    SAI_OBJECT_TYPE_TAM_TEL_TYPE = 75,
    SAI_OBJECT_TYPE_TAM_TRANSPORT = 76,
    SAI_OBJECT_TYPE_TAM_TELEMETRY = 77,
    SAI_OBJECT_TYPE_TAM_COLLECTOR = 78,
    SAI_OBJECT_TYPE_TAM_EVENT_ACTION = 79,
    SAI_OBJECT_TYPE_TAM_EVENT = 80,
    SAI_OBJECT_TYPE_NAT_ZONE_COUNTER = 81,
    SAI_OBJECT_TYPE_NAT_ENTRY = 82,
    SAI_OBJECT_TYPE_TAM_INT = 83,
    SAI_OBJECT_TYPE_COUNTER = 84,
    SAI_OBJECT_TYPE_DEBUG_COUNTER = 85,
    SAI_OBJECT_TYPE_PORT_CONNECTOR = 86,
    SAI_OBJECT_TYPE_PORT_SERDES = 87,
    SAI_OBJECT_TYPE_MACSEC = 88,
    SAI_OBJECT_TYPE_MACSEC_PORT = 89,
    SAI_OBJECT_TYPE_MACSEC_FLOW = 90,
    SAI_OBJECT_TYPE_MACSEC_SC = 91,
    SAI_OBJECT_TYPE_MACSEC_SA = 92,
    SAI_OBJECT_TYPE_SYSTEM_PORT = 93,
    SAI_OBJECT_TYPE_FINE_GRAINED_HASH_FIELD = 94,
    SAI_OBJECT_TYPE_SWITCH_TUNNEL = 95,
    SAI_OBJECT_TYPE_MY_SID_ENTRY = 96,
    SAI_OBJECT_TYPE_MY_MAC = 97,
    SAI_OBJECT_TYPE_NEXT_HOP_GROUP_MAP = 98,
    SAI_OBJECT_TYPE_IPSEC = 99,
    SAI_OBJECT_TYPE_IPSEC_PORT = 100,
    SAI_OBJECT_TYPE_IPSEC_SA = 101,
    SAI_OBJECT_TYPE_GENERIC_PROGRAMMABLE = 102,
    SAI_OBJECT_TYPE_ARS_PROFILE = 103,
    SAI_OBJECT_TYPE_ARS = 104,
    SAI_OBJECT_TYPE_ACL_TABLE_CHAIN_GROUP = 105,
    SAI_OBJECT_TYPE_TWAMP_SESSION = 106,
    SAI_OBJECT_TYPE_TAM_COUNTER_SUBSCRIPTION = 107,
    SAI_OBJECT_TYPE_POE_DEVICE = 108,
    SAI_OBJECT_TYPE_POE_PSE = 109,
    SAI_OBJECT_TYPE_POE_PORT = 110,
    SAI_OBJECT_TYPE_ICMP_ECHO_SESSION = 111,
    SAI_OBJECT_TYPE_PREFIX_COMPRESSION_TABLE = 112,
    SAI_OBJECT_TYPE_PREFIX_COMPRESSION_ENTRY = 113,
    SAI_OBJECT_TYPE_SYNCE_CLOCK = 114,
    SAI_OBJECT_TYPE_PORT_LLR_PROFILE = 115,
    SAI_OBJECT_TYPE_VIRTUAL_CHANNEL = 116,
    SAI_OBJECT_TYPE_CBFC_CREDIT_POOL = 117,
    SAI_OBJECT_TYPE_CBFC_CREDIT_PROFILE = 118,
    SAI_OBJECT_TYPE_PERFMON = 119,

    /** Keep this entry after the last core object type */
    SAI_OBJECT_TYPE_MAX,

    /**
     * @brief First value reserved for vendor object types
     */
    SAI_OBJECT_TYPE_CUSTOM_RANGE_BASE = 0x10000000,

    /**
     * @brief First value of the experimental object types in saitypesextensions.h
     */
    SAI_OBJECT_TYPE_EXTENSIONS_RANGE_BASE = 0x20000000,
} sai_object_type_t;

/**
 * @brief List of unsigned 8-bit values
 */
typedef struct _sai_u8_list_t
{
    uint32_t count;
    uint8_t *list;
} sai_u8_list_t;

/**
 * @brief List of signed 8-bit values, also used for strings
 *
 * A string is terminated by a zero byte that is included in count.
 */
typedef struct _sai_s8_list_t
{
    uint32_t count;
    int8_t *list;
} sai_s8_list_t;

/**
 * @brief List of unsigned 16-bit values
 */
typedef struct _sai_u16_list_t
{
    uint32_t count;
    uint16_t *list;
} sai_u16_list_t;

/**
 * @brief List of signed 16-bit values
 */
typedef struct _sai_s16_list_t
{
    uint32_t count;
    int16_t *list;
} sai_s16_list_t;

/**
 * @brief List of unsigned 32-bit values
 */
typedef struct _sai_u32_list_t
{
    uint32_t count;
    uint32_t *list;
} sai_u32_list_t;

/**
 * @brief List of signed 32-bit values, also used for lists of enum values
 */
typedef struct _sai_s32_list_t
{
    uint32_t count;
    int32_t *list;
} sai_s32_list_t;

/**
 * @brief Closed interval of unsigned 32-bit values
 */
typedef struct _sai_u32_range_t
{
    uint32_t min;
    uint32_t max;
} sai_u32_range_t;

/**
 * @brief Closed interval of signed 32-bit values
 */
typedef struct _sai_s32_range_t
{
    int32_t min;
    int32_t max;
} sai_s32_range_t;

/**
 * @brief Closed interval of unsigned 16-bit values
 */
typedef struct _sai_u16_range_t
{
    uint16_t min;
    uint16_t max;
} sai_u16_range_t;

/**
 * @brief Closed interval of unsigned 64-bit values
 */
typedef struct _sai_u64_range_t
{
    uint64_t min;
    uint64_t max;
} sai_u64_range_t;

/**
 * @brief List of unsigned 16-bit intervals
 */
typedef struct _sai_u16_range_list_t
{
    uint32_t count;
    sai_u16_range_t *list;
} sai_u16_range_list_t;

/**
 * @brief List of unsigned 64-bit intervals
 */
typedef struct _sai_u64_range_list_t
{
    uint32_t count;
    sai_u64_range_t *list;
} sai_u64_range_list_t;

/**
 * @brief List of VLAN numbers
 */
typedef struct _sai_vlan_list_t
{
    /** How many VLAN numbers the list holds */
    uint32_t count;

    /** The VLAN numbers */
    sai_vlan_id_t *list;

} sai_vlan_list_t;

/**
 * @brief Selects which member of an IP address union is in use
 */
typedef enum _sai_ip_addr_family_t
{
    SAI_IP_ADDR_FAMILY_IPV4,

    SAI_IP_ADDR_FAMILY_IPV6

} sai_ip_addr_family_t;

/**
 * @brief Raw IPv4 or IPv6 address bytes, selected by an address family
 *
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
 * @brief IP address together with its family
 */
typedef struct _sai_ip_address_t
{
    sai_ip_addr_family_t addr_family;

    /** @passparam addr_family */
    sai_ip_addr_t addr;
} sai_ip_address_t;

/**
 * @brief List of IP addresses
 */
typedef struct _sai_ip_address_list_t
{
    uint32_t count;
    sai_ip_address_t *list;
} sai_ip_address_list_t;

/**
 * @brief IP network given as address and mask of the same family
 */
typedef struct _sai_ip_prefix_t
{
    sai_ip_addr_family_t addr_family;

    /** @passparam addr_family */
    sai_ip_addr_t addr;

    /** @passparam addr_family */
    sai_ip_addr_t mask;
} sai_ip_prefix_t;

/**
 * @brief List of IP networks
 */
typedef struct _sai_ip_prefix_list_t
{
    uint32_t count;
    sai_ip_prefix_t *list;
} sai_ip_prefix_list_t;

/**
 * @brief Key and value pair of a generic map
 */
typedef struct _sai_map_t
{
    /** Lookup key */
    sai_uint32_t key;

    /** Value stored for the key */
    sai_int32_t value;

} sai_map_t;

/**
 * @brief List of generic map entries
 */
typedef struct _sai_map_list_t
{
    /** How many entries the list holds */
    uint32_t count;

    /** The entries */
    sai_map_t *list;

} sai_map_list_t;

/**
 * @brief Kind of lookup an ACL table can perform
 */
typedef enum _sai_acl_table_supported_match_type_t
{
    /** Lookup with per bit masks */
    SAI_ACL_TABLE_SUPPORTED_MATCH_TYPE_TERNARY,

    /** Lookup on exact values only */
    SAI_ACL_TABLE_SUPPORTED_MATCH_TYPE_EXACT,

    /** Start of the vendor defined values */
    SAI_ACL_TABLE_SUPPORTED_MATCH_TYPE_CUSTOM_RANGE_BASE = 0x10000000

} sai_acl_table_supported_match_type_t;

/**
 * @brief What the ACL pipeline supports at one stage
 */
typedef struct _sai_acl_capability_t
{
    /**
     * @brief Filled by get
     *
     * True when a table at this stage must be created with an action list.
     */
    bool is_action_list_mandatory;

    /**
     * @brief Filled by get
     *
     * Action types usable at this stage. The largest possible length is
     * reported by #SAI_SWITCH_ATTR_MAX_ACL_ACTION_COUNT.
     *
     * @suffix enum_list
     * @passparam &sai_metadata_enum_sai_acl_action_type_t
     */
    sai_s32_list_t action_list;

    /**
     * @brief Lookup kind available at this stage
     */
    sai_acl_table_supported_match_type_t supported_match_type;

    /**
     * @brief True when exact match tables accept masks with gaps
     */
    bool is_non_contiguous_bits_exact_match_supported;

} sai_acl_capability_t;

/**
 * @brief Point of the pipeline where ACL lookups happen
 */
typedef enum _sai_acl_stage_t
{
    /** Lookup on received packets */
    SAI_ACL_STAGE_INGRESS,

    /** Lookup on transmitted packets */
    SAI_ACL_STAGE_EGRESS,

    /** Lookup on received packets in the MACsec block */
    SAI_ACL_STAGE_INGRESS_MACSEC,

    /** Lookup on transmitted packets in the MACsec block */
    SAI_ACL_STAGE_EGRESS_MACSEC,

    /** Lookup before the ingress stage */
    SAI_ACL_STAGE_PRE_INGRESS,

    /** Lookup after the ingress stage */
    SAI_ACL_STAGE_POST_INGRESS,

} sai_acl_stage_t;

/**
 * @brief Kind of object an ACL table or group can be attached to
 */
typedef enum _sai_acl_bind_point_type_t
{
    /** Attached to a port */
    SAI_ACL_BIND_POINT_TYPE_PORT,

    /** Attached to a LAG */
    SAI_ACL_BIND_POINT_TYPE_LAG,

    /** Attached to a VLAN */
    SAI_ACL_BIND_POINT_TYPE_VLAN,

    /** Attached to a router interface */
    SAI_ACL_BIND_POINT_TYPE_ROUTER_INTERFACE,

    /** @ignore - older spelling kept for source compatibility */
    SAI_ACL_BIND_POINT_TYPE_ROUTER_INTF = SAI_ACL_BIND_POINT_TYPE_ROUTER_INTERFACE,

    /** Attached to the whole switch */
    SAI_ACL_BIND_POINT_TYPE_SWITCH

} sai_acl_bind_point_type_t;

/**
 * @brief Free ACL resources at one stage and bind point
 */
typedef struct _sai_acl_resource_t
{
    /** Pipeline stage */
    sai_acl_stage_t stage;

    /** Bind point */
    sai_acl_bind_point_type_t bind_point;

    /** How many more can be created */
    sai_uint32_t avail_num;

} sai_acl_resource_t;

/**
 * @brief Free ACL resources for every stage and bind point
 *
 * Returned by #SAI_SWITCH_ATTR_AVAILABLE_ACL_TABLE and
 * #SAI_SWITCH_ATTR_AVAILABLE_ACL_TABLE_GROUP.
 */
typedef struct _sai_acl_resource_list_t
{
    /** How many entries the list holds */
    uint32_t count;

    /** The entries */
    sai_acl_resource_t *list;

} sai_acl_resource_list_t;

/**
 * @brief List of IPv6 segment identifiers
 */
typedef struct _sai_segment_list_t
{
    /** How many segments the list holds */
    uint32_t count;

    /** The segments */
    sai_ip6_t *list;
} sai_segment_list_t;

/**
 * @brief Text in JSON syntax
 */
typedef struct _sai_json_t
{
    /** The JSON text as a zero terminated string */
    sai_s8_list_t json;
} sai_json_t;

/**
 * @brief Value of an attribute
 *
 * Enum typed attributes use the s32 member.
 *
 * @extraparam const sai_attr_metadata_t *meta
 */
typedef union _sai_attribute_value_t
{
    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_BOOL */
    bool booldata;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_CHARDATA */
    char chardata[32];

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT8 */
    sai_uint8_t u8;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT8 */
    sai_int8_t s8;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT16 */
    sai_uint16_t u16;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT16 */
    sai_int16_t s16;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT32 */
    sai_uint32_t u32;

    /**
     * @suffix enum
     * @passparam meta->enummetadata
     * @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT32
     */
    sai_int32_t s32;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT64 */
    sai_uint64_t u64;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT64 */
    sai_int64_t s64;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_POINTER */
    sai_pointer_t ptr;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_MAC */
    sai_mac_t mac;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_IPV4 */
    sai_ip4_t ip4;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_IPV6 */
    sai_ip6_t ip6;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_IP_ADDRESS */
    sai_ip_address_t ipaddr;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_IP_PREFIX */
    sai_ip_prefix_t ipprefix;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_OBJECT_ID */
    sai_object_id_t oid;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_OBJECT_LIST */
    sai_object_list_t objlist;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT8_LIST */
    sai_u8_list_t u8list;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT8_LIST */
    sai_s8_list_t s8list;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT16_LIST */
    sai_u16_list_t u16list;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT16_LIST */
    sai_s16_list_t s16list;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT32_LIST */
    sai_u32_list_t u32list;

    /**
     * @suffix enum_list
     * @passparam meta->enummetadata
     * @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT32_LIST
     */
    sai_s32_list_t s32list;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT32_RANGE */
    sai_u32_range_t u32range;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_INT32_RANGE */
    sai_s32_range_t s32range;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT16_RANGE_LIST */
    sai_u16_range_list_t u16rangelist;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_VLAN_LIST */
    sai_vlan_list_t vlanlist;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_MAP_LIST */
    sai_map_list_t maplist;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_ACL_CAPABILITY */
    sai_acl_capability_t aclcapability;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_ACL_RESOURCE_LIST */
    sai_acl_resource_list_t aclresource;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_SEGMENT_LIST */
    sai_segment_list_t segmentlist;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_IP_ADDRESS_LIST */
    sai_ip_address_list_t ipaddrlist;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_TIMESPEC */
    sai_timespec_t timespec;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_JSON */
    sai_json_t json;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_IP_PREFIX_LIST */
    sai_ip_prefix_list_t ipprefixlist;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT16_RANGE */
    sai_u16_range_t u16range;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT64_RANGE */
    sai_u64_range_t u64range;

    /** @validonly meta->attrvaluetype == SAI_ATTR_VALUE_TYPE_UINT64_RANGE_LIST */
    sai_u64_range_list_t u64rangelist;

} sai_attribute_value_t;

/**
 * @brief Attribute id paired with its value
 *
 * @extraparam const sai_attr_metadata_t *meta
 */
typedef struct _sai_attribute_t
{
    /** @passparam meta */
    sai_attr_id_t id;

    /** @passparam meta */
    sai_attribute_value_t value;
} sai_attribute_t;

/**
 * @brief How a bulk call reacts to a failing item
 */
typedef enum _sai_bulk_op_error_mode_t
{
    /**
     * @brief Stop at the first failing item
     *
     * Items after the failing one are not attempted and report
     * #SAI_STATUS_NOT_EXECUTED.
     */
    SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR,

    /**
     * @brief Attempt every item regardless of earlier failures
     */
    SAI_BULK_OP_ERROR_MODE_IGNORE_ERROR,
} sai_bulk_op_error_mode_t;

/**
 * @brief Create several objects of one type in one call
 *
 * @param[in] switch_id Switch that owns the new objects
 * @param[in] object_count How many objects to create
 * @param[in] attr_count Per object, the length of its attribute list
 * @param[in] attr_list Per object, its attribute list
 * @param[in] mode Reaction to a failing item
 * @param[out] object_id Ids of the created objects, one per item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_object_create_fn)(
        _In_ sai_object_id_t switch_id,
        _In_ uint32_t object_count,
        _In_ const uint32_t *attr_count,
        _In_ const sai_attribute_t **attr_list,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_object_id_t *object_id,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Remove several objects in one call
 *
 * @param[in] object_count How many objects to remove
 * @param[in] object_id Ids of the objects to remove
 * @param[in] mode Reaction to a failing item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_object_remove_fn)(
        _In_ uint32_t object_count,
        _In_ const sai_object_id_t *object_id,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Set one attribute on each of several objects in one call
 *
 * @param[in] object_count How many objects to update
 * @param[in] object_id Ids of the objects to update
 * @param[in] attr_list One attribute per object
 * @param[in] mode Reaction to a failing item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_object_set_attribute_fn)(
        _In_ uint32_t object_count,
        _In_ const sai_object_id_t *object_id,
        _In_ const sai_attribute_t *attr_list,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Read attributes of several objects in one call
 *
 * @param[in] object_count How many objects to read
 * @param[in] object_id Ids of the objects to read
 * @param[in] attr_count Per object, the length of its attribute list
 * @param[inout] attr_list Per object, the attributes to fill
 * @param[in] mode Reaction to a failing item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_object_get_attribute_fn)(
        _In_ uint32_t object_count,
        _In_ const sai_object_id_t *object_id,
        _In_ const uint32_t *attr_count,
        _Inout_ sai_attribute_t **attr_list,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Ways of reading counters
 *
 * The values are single bits so that they can be combined into a mask of
 * supported modes.
 *
 * @flags strict
 */
typedef enum _sai_stats_mode_t
{
    /**
     * @brief No mode
     */
    SAI_STATS_MODE_NONE = 0 << 0,

    /**
     * @brief Plain read
     */
    SAI_STATS_MODE_READ = 1 << 0,

    /**
     * @brief Read, then reset to zero
     */
    SAI_STATS_MODE_READ_AND_CLEAR = 1 << 1,

    /**
     * @brief Read many counters at once
     */
    SAI_STATS_MODE_BULK_READ = 1 << 2,

    /**
     * @brief Reset many counters at once
     */
    SAI_STATS_MODE_BULK_CLEAR = 1 << 3,

    /**
     * @brief Read many counters at once, then reset them
     */
    SAI_STATS_MODE_BULK_READ_AND_CLEAR = 1 << 4,
} sai_stats_mode_t;

/**
 * @brief Modes supported for one counter
 */
typedef struct _sai_stat_capability_t
{
    /** Counter id */
    sai_stat_id_t stat_enum;

    /**
     * @brief Mask of supported sai_stats_mode_t values
     *
     * @flags sai_stats_mode_t
     */
    uint32_t stat_modes;

} sai_stat_capability_t;

/**
 * @brief Modes supported for several counters
 */
typedef struct _sai_stat_capability_list_t
{
    uint32_t count;
    sai_stat_capability_t *list;

} sai_stat_capability_list_t;

/**
 * @}
 */
#endif /** __SAITYPES_H_ */
