/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saiswitch.h
 *
 * @brief   Switch object: attributes and functions
 *
 * This header set carries the leading part of the core switch attribute
 * list, up to and including #SAI_SWITCH_ATTR_INIT_SWITCH, with the ids of
 * the SAI specification. The DASH attributes of the switch are extension
 * attributes declared in saiswitchextensions.h.
 */

#if !defined (__SAISWITCH_H_)
#define __SAISWITCH_H_

#include <saitypes.h>

/**
 * @defgroup SAISWITCH SAI - Switch definitions
 *
 * @{
 */

/**
 * @brief Values of #SAI_SWITCH_ATTR_OPER_STATUS
 */
typedef enum _sai_switch_oper_status_t
{
    /** State cannot be determined */
    SAI_SWITCH_OPER_STATUS_UNKNOWN,

    /** Switch is working */
    SAI_SWITCH_OPER_STATUS_UP,

    /** Switch is not working */
    SAI_SWITCH_OPER_STATUS_DOWN,

    /** Switch stopped after a fatal error */
    SAI_SWITCH_OPER_STATUS_FAILED,

} sai_switch_oper_status_t;

/**
 * @brief What happens to a packet, on the data plane and on the path to the CPU
 */
typedef enum _sai_packet_action_t
{
    /** Discard on the data plane, CPU path untouched */
    SAI_PACKET_ACTION_DROP,

    /** Forward on the data plane, CPU path untouched */
    SAI_PACKET_ACTION_FORWARD,

    /** Send a copy to the CPU, data plane untouched */
    SAI_PACKET_ACTION_COPY,

    /** Withdraw a copy to the CPU, data plane untouched */
    SAI_PACKET_ACTION_COPY_CANCEL,

    /** Send a copy to the CPU and discard the original */
    SAI_PACKET_ACTION_TRAP,

    /** Send a copy to the CPU and forward the original */
    SAI_PACKET_ACTION_LOG,

    /** Withdraw the CPU copy and discard the original */
    SAI_PACKET_ACTION_DENY,

    /** Withdraw the CPU copy and forward the original */
    SAI_PACKET_ACTION_TRANSIT,

    /** Keep the packet from being dropped */
    SAI_PACKET_ACTION_DONOTDROP

} sai_packet_action_t;

/**
 * @brief Values of #SAI_SWITCH_ATTR_SWITCHING_MODE
 */
typedef enum _sai_switch_switching_mode_t
{
    /** Start sending before the whole packet arrived */
    SAI_SWITCH_SWITCHING_MODE_CUT_THROUGH,

    /** Receive the whole packet before sending it */
    SAI_SWITCH_SWITCHING_MODE_STORE_AND_FORWARD

} sai_switch_switching_mode_t;

/**
 * @brief Hash functions for #SAI_SWITCH_ATTR_ECMP_DEFAULT_HASH_ALGORITHM and
 * #SAI_SWITCH_ATTR_LAG_DEFAULT_HASH_ALGORITHM
 */
typedef enum _sai_hash_algorithm_t
{
    /** First hash function */
    SAI_HASH_ALGORITHM_START = 0,

    /** Cyclic redundancy check */
    SAI_HASH_ALGORITHM_CRC = SAI_HASH_ALGORITHM_START,

    /** Exclusive or of the fields */
    SAI_HASH_ALGORITHM_XOR = 1,

    /** Random choice for every packet */
    SAI_HASH_ALGORITHM_RANDOM = 2,

    /** Low 16 bits of a 32-bit CRC */
    SAI_HASH_ALGORITHM_CRC_32LO = 3,

    /** High 16 bits of a 32-bit CRC */
    SAI_HASH_ALGORITHM_CRC_32HI = 4,

    /** CRC with the CCITT polynomial */
    SAI_HASH_ALGORITHM_CRC_CCITT = 5,

    /** CRC combined with exclusive or */
    SAI_HASH_ALGORITHM_CRC_XOR = 6,

    /** No hash function chosen */
    SAI_HASH_ALGORITHM_NONE = 7,

    /** Members taken in turn for every packet */
    SAI_HASH_ALGORITHM_ROUND_ROBIN = 8,

    /** Low 16 bits of a Jenkins hash */
    SAI_HASH_ALGORITHM_JENKINS_LO = 9,

    /** High 16 bits of a Jenkins hash */
    SAI_HASH_ALGORITHM_JENKINS_HI = 10,

    /** End marker */
    SAI_HASH_ALGORITHM_END
} sai_hash_algorithm_t;

/**
 * @brief Values of #SAI_SWITCH_ATTR_RESTART_TYPE
 */
typedef enum _sai_switch_restart_type_t
{
    /** Warm restart is not possible */
    SAI_SWITCH_RESTART_TYPE_NONE = 0,

    /** Only planned warm restarts are possible */
    SAI_SWITCH_RESTART_TYPE_PLANNED = 1,

    /** Planned and unplanned warm restarts are possible */
    SAI_SWITCH_RESTART_TYPE_ANY = 2,

} sai_switch_restart_type_t;

/**
 * @brief Values of #SAI_SWITCH_ATTR_MCAST_SNOOPING_CAPABILITY
 */
typedef enum _sai_switch_mcast_snooping_capability_t
{
    /** No IP based L2 multicast lookups */
    SAI_SWITCH_MCAST_SNOOPING_CAPABILITY_NONE = 0,

    /** Lookups on any source and group */
    SAI_SWITCH_MCAST_SNOOPING_CAPABILITY_XG = 1,

    /** Lookups on source and group */
    SAI_SWITCH_MCAST_SNOOPING_CAPABILITY_SG = 2,

    /** Both kinds of lookup */
    SAI_SWITCH_MCAST_SNOOPING_CAPABILITY_XG_AND_SG = 3,

} sai_switch_mcast_snooping_capability_t;

/**
 * @brief Attributes of a switch object
 *
 * Only the leading part of the SAI list is declared here; the ids equal
 * those of the SAI specification.
 */
typedef enum _sai_switch_attr_t
{
    /**
     * @brief Marks the first switch attribute id
     */
    SAI_SWITCH_ATTR_START,

    /**
     * @brief How many ports currently exist on the switch
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NUMBER_OF_ACTIVE_PORTS = SAI_SWITCH_ATTR_START,

    /** @ignore - older name kept for source compatibility */
    SAI_SWITCH_ATTR_PORT_NUMBER = SAI_SWITCH_ATTR_NUMBER_OF_ACTIVE_PORTS,

    /**
     * @brief Largest number of ports the switch can hold
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MAX_NUMBER_OF_SUPPORTED_PORTS,

    /**
     * @brief All port objects of the switch
     *
     * @type sai_object_list_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_PORT
     * @default internal
     */
    SAI_SWITCH_ATTR_PORT_LIST,

    /**
     * @brief Largest MTU in bytes that a port accepts
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_PORT_MAX_MTU,

    /**
     * @brief Port object that connects the switch to the host CPU
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_PORT
     * @default internal
     */
    SAI_SWITCH_ATTR_CPU_PORT,

    /**
     * @brief Largest number of virtual routers that can be created
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MAX_VIRTUAL_ROUTERS,

    /**
     * @brief Capacity of the forwarding database
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_FDB_TABLE_SIZE,

    /**
     * @brief Capacity of the neighbor (host) table
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_L3_NEIGHBOR_TABLE_SIZE,

    /**
     * @brief Capacity of the route table
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_L3_ROUTE_TABLE_SIZE,

    /**
     * @brief Largest number of ports one LAG can contain
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_LAG_MEMBERS,

    /**
     * @brief Largest number of LAGs that can be created
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NUMBER_OF_LAGS,

    /**
     * @brief Largest number of members in one ECMP group
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ECMP_MEMBERS,

    /**
     * @brief Largest number of ECMP groups
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NUMBER_OF_ECMP_GROUPS,

    /**
     * @brief Unicast queues available on each port
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NUMBER_OF_UNICAST_QUEUES,

    /**
     * @brief Multicast queues available on each port
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NUMBER_OF_MULTICAST_QUEUES,

    /**
     * @brief Queues of all kinds available on each port
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NUMBER_OF_QUEUES,

    /**
     * @brief Queues available on the CPU port
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NUMBER_OF_CPU_QUEUES,

    /**
     * @brief Whether routes may point directly at an attached subnet
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ON_LINK_ROUTE_SUPPORTED,

    /**
     * @brief Current operational state of the switch
     *
     * @type sai_switch_oper_status_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_OPER_STATUS,

    /**
     * @brief How many temperature sensors the switch has
     *
     * @type sai_uint8_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MAX_NUMBER_OF_TEMP_SENSORS,

    /**
     * @brief Reading of every temperature sensor in degrees Celsius
     *
     * @type sai_s32_list_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_TEMP_LIST,

    /**
     * @brief Highest temperature currently reported by any sensor, in degrees Celsius
     *
     * @type sai_int32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MAX_TEMP,

    /**
     * @brief Mean of all sensor readings in degrees Celsius
     *
     * @type sai_int32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVERAGE_TEMP,

    /**
     * @brief Lowest priority an ACL table may use
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_TABLE_MINIMUM_PRIORITY,

    /**
     * @brief Highest priority an ACL table may use
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_TABLE_MAXIMUM_PRIORITY,

    /**
     * @brief Lowest priority an ACL entry may use
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_ENTRY_MINIMUM_PRIORITY,

    /**
     * @brief Highest priority an ACL entry may use
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_ENTRY_MAXIMUM_PRIORITY,

    /**
     * @brief Lowest priority an ACL table group member may use
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_TABLE_GROUP_MINIMUM_PRIORITY,

    /**
     * @brief Highest priority an ACL table group member may use
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_TABLE_GROUP_MAXIMUM_PRIORITY,

    /**
     * @brief Allowed values for user meta data on FDB entries
     *
     * @type sai_u32_range_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_FDB_DST_USER_META_DATA_RANGE,

    /**
     * @brief Allowed values for user meta data on route entries
     *
     * @type sai_u32_range_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ROUTE_DST_USER_META_DATA_RANGE,

    /**
     * @brief Allowed values for user meta data on neighbor entries
     *
     * @type sai_u32_range_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NEIGHBOR_DST_USER_META_DATA_RANGE,

    /**
     * @brief Allowed values for user meta data on ports
     *
     * @type sai_u32_range_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_PORT_USER_META_DATA_RANGE,

    /**
     * @brief Allowed values for user meta data on VLANs
     *
     * @type sai_u32_range_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_VLAN_USER_META_DATA_RANGE,

    /**
     * @brief Allowed values for ACL user meta data
     *
     * @type sai_u32_range_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_USER_META_DATA_RANGE,

    /**
     * @brief Allowed values for ACL user trap ids
     *
     * @type sai_u32_range_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_USER_TRAP_ID_RANGE,

    /**
     * @brief VLAN object the switch creates by itself
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_VLAN
     * @default internal
     */
    SAI_SWITCH_ATTR_DEFAULT_VLAN_ID,

    /**
     * @brief Spanning tree instance the switch creates by itself
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_STP
     * @default internal
     */
    SAI_SWITCH_ATTR_DEFAULT_STP_INST_ID,

    /**
     * @brief Largest number of spanning tree instances
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MAX_STP_INSTANCE,

    /**
     * @brief Virtual router the switch creates by itself; it cannot be removed
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_VIRTUAL_ROUTER
     * @default internal
     */
    SAI_SWITCH_ATTR_DEFAULT_VIRTUAL_ROUTER_ID,

    /**
     * @brief Override virtual router the switch creates by itself; it cannot be removed
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_VIRTUAL_ROUTER
     * @default internal
     */
    SAI_SWITCH_ATTR_DEFAULT_OVERRIDE_VIRTUAL_ROUTER_ID,

    /**
     * @brief The 802.1Q bridge the switch creates by itself
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_BRIDGE
     * @default internal
     */
    SAI_SWITCH_ATTR_DEFAULT_1Q_BRIDGE_ID,

    /**
     * @brief ACL table or group applied to all received traffic; NULL detaches it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_ACL_TABLE, SAI_OBJECT_TYPE_ACL_TABLE_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_INGRESS_ACL,

    /**
     * @brief ACL table or group applied to all transmitted traffic; NULL detaches it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_ACL_TABLE, SAI_OBJECT_TYPE_ACL_TABLE_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_EGRESS_ACL,

    /**
     * @brief Number of traffic classes supported
     *
     * @type sai_uint8_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_QOS_MAX_NUMBER_OF_TRAFFIC_CLASSES,

    /**
     * @brief Depth of the scheduler group hierarchy
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_QOS_MAX_NUMBER_OF_SCHEDULER_GROUP_HIERARCHY_LEVELS,

    /**
     * @brief Scheduler groups available at each hierarchy level
     *
     * @type sai_u32_list_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_QOS_MAX_NUMBER_OF_SCHEDULER_GROUPS_PER_HIERARCHY_LEVEL,

    /**
     * @brief Largest number of children of one scheduler group
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_QOS_MAX_NUMBER_OF_CHILDS_PER_SCHEDULER_GROUP,

    /**
     * @brief Packet buffer memory of the switch in kilobytes
     *
     * @type sai_uint64_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_TOTAL_BUFFER_SIZE,

    /**
     * @brief How many ingress buffer pools exist
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_INGRESS_BUFFER_POOL_NUM,

    /**
     * @brief How many egress buffer pools exist
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_EGRESS_BUFFER_POOL_NUM,

    /**
     * @brief IPv4 routes that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_IPV4_ROUTE_ENTRY,

    /**
     * @brief IPv6 routes that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_IPV6_ROUTE_ENTRY,

    /**
     * @brief IPv4 next hops that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_IPV4_NEXTHOP_ENTRY,

    /**
     * @brief IPv6 next hops that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_IPV6_NEXTHOP_ENTRY,

    /**
     * @brief IPv4 neighbors that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_IPV4_NEIGHBOR_ENTRY,

    /**
     * @brief IPv6 neighbors that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_IPV6_NEIGHBOR_ENTRY,

    /**
     * @brief Next hop groups that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_NEXT_HOP_GROUP_ENTRY,

    /**
     * @brief Next hop group members that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_NEXT_HOP_GROUP_MEMBER_ENTRY,

    /**
     * @brief FDB entries that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_FDB_ENTRY,

    /**
     * @brief L2 multicast entries that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_L2MC_ENTRY,

    /**
     * @brief IP multicast entries that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_IPMC_ENTRY,

    /**
     * @brief Source NAT entries that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_SNAT_ENTRY,

    /**
     * @brief Destination NAT entries that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_DNAT_ENTRY,

    /**
     * @brief Double NAT entries that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_DOUBLE_NAT_ENTRY,

    /**
     * @brief ACL tables that can still be added, per stage and bind point
     *
     * @type sai_acl_resource_list_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_ACL_TABLE,

    /**
     * @brief ACL table groups that can still be added, per stage and bind point
     *
     * @type sai_acl_resource_list_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_ACL_TABLE_GROUP,

    /**
     * @brief My SID entries that can still be added
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_AVAILABLE_MY_SID_ENTRY,

    /**
     * @brief Host interface trap group the switch creates by itself
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_HOSTIF_TRAP_GROUP
     * @default internal
     */
    SAI_SWITCH_ATTR_DEFAULT_TRAP_GROUP,

    /**
     * @brief Hash object used for ECMP; its fields can be changed but the object cannot
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_HASH
     * @default internal
     */
    SAI_SWITCH_ATTR_ECMP_HASH,

    /**
     * @brief Hash object used for LAG; its fields can be changed but the object cannot
     *
     * @type sai_object_id_t
     * @flags READ_ONLY
     * @objects SAI_OBJECT_TYPE_HASH
     * @default internal
     */
    SAI_SWITCH_ATTR_LAG_HASH,

    /**
     * @brief Hint that the coming shutdown is a warm restart (true) or a cold one (false)
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_SWITCH_ATTR_RESTART_WARM,

    /**
     * @brief Setting true after boot starts warm restart recovery
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_SWITCH_ATTR_WARM_RECOVER,

    /**
     * @brief Kinds of restart the implementation supports
     *
     * @type sai_switch_restart_type_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_RESTART_TYPE,

    /**
     * @brief Shortest time in milliseconds needed for a planned restart
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MIN_PLANNED_RESTART_INTERVAL,

    /**
     * @brief Non-volatile storage in kilobytes needed by the implementation
     *
     * @type sai_uint64_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_NV_STORAGE_SIZE,

    /**
     * @brief Number of ACL action types the switch supports
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MAX_ACL_ACTION_COUNT,

    /**
     * @brief Number of ACL ranges the switch supports
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MAX_ACL_RANGE_COUNT,

    /**
     * @brief ACL features supported by the switch
     *
     * @type sai_acl_capability_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_ACL_CAPABILITY,

    /**
     * @brief Multicast snooping lookups supported by the switch
     *
     * @type sai_switch_mcast_snooping_capability_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_MCAST_SNOOPING_CAPABILITY,

    /**
     * @brief Cut-through or store-and-forward forwarding
     *
     * @type sai_switch_switching_mode_t
     * @flags CREATE_AND_SET
     * @default SAI_SWITCH_SWITCHING_MODE_STORE_AND_FORWARD
     */
    SAI_SWITCH_ATTR_SWITCHING_MODE,

    /**
     * @brief Whether flooded broadcast packets also reach the CPU port
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_SWITCH_ATTR_BCAST_CPU_FLOOD_ENABLE,

    /**
     * @brief Whether flooded multicast packets also reach the CPU port
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_SWITCH_ATTR_MCAST_CPU_FLOOD_ENABLE,

    /**
     * @brief MAC address the switch uses by default
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_SWITCH_ATTR_SRC_MAC_ADDRESS,

    /**
     * @brief Limit on learned MAC addresses; 0 means no limit
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_SWITCH_ATTR_MAX_LEARNED_ADDRESSES,

    /**
     * @brief Age in seconds after which learned FDB entries expire; 0 turns aging off
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_SWITCH_ATTR_FDB_AGING_TIME,

    /**
     * @brief What to do with unicast packets whose destination is unknown
     *
     * @type sai_packet_action_t
     * @flags CREATE_AND_SET
     * @default SAI_PACKET_ACTION_FORWARD
     */
    SAI_SWITCH_ATTR_FDB_UNICAST_MISS_PACKET_ACTION,

    /**
     * @brief What to do with broadcast packets that miss the FDB
     *
     * @type sai_packet_action_t
     * @flags CREATE_AND_SET
     * @default SAI_PACKET_ACTION_FORWARD
     */
    SAI_SWITCH_ATTR_FDB_BROADCAST_MISS_PACKET_ACTION,

    /**
     * @brief What to do with multicast packets that miss the FDB
     *
     * @type sai_packet_action_t
     * @flags CREATE_AND_SET
     * @default SAI_PACKET_ACTION_FORWARD
     */
    SAI_SWITCH_ATTR_FDB_MULTICAST_MISS_PACKET_ACTION,

    /**
     * @brief Hash function used for ECMP unless a hash object says otherwise
     *
     * @type sai_hash_algorithm_t
     * @flags CREATE_AND_SET
     * @default SAI_HASH_ALGORITHM_CRC
     */
    SAI_SWITCH_ATTR_ECMP_DEFAULT_HASH_ALGORITHM,

    /**
     * @brief Seed of the ECMP hash
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_SWITCH_ATTR_ECMP_DEFAULT_HASH_SEED,

    /**
     * @brief Number of bits the ECMP hash result is rotated right
     *
     * @type sai_uint8_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_SWITCH_ATTR_ECMP_DEFAULT_HASH_OFFSET,

    /**
     * @brief Whether the ECMP hash gives both directions of a conversation the same value
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_SWITCH_ATTR_ECMP_DEFAULT_SYMMETRIC_HASH,

    /**
     * @brief Hash object for IPv4 traffic on ECMP
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_HASH
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_ECMP_HASH_IPV4,

    /**
     * @brief Hash object for IPv4 in IPv4 traffic on ECMP
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_HASH
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_ECMP_HASH_IPV4_IN_IPV4,

    /**
     * @brief Hash object for IPv6 traffic on ECMP
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_HASH
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_ECMP_HASH_IPV6,

    /**
     * @brief Hash function used for LAG unless a hash object says otherwise
     *
     * @type sai_hash_algorithm_t
     * @flags CREATE_AND_SET
     * @default SAI_HASH_ALGORITHM_CRC
     */
    SAI_SWITCH_ATTR_LAG_DEFAULT_HASH_ALGORITHM,

    /**
     * @brief Seed of the LAG hash
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_SWITCH_ATTR_LAG_DEFAULT_HASH_SEED,

    /**
     * @brief Number of bits the LAG hash result is rotated right
     *
     * @type sai_uint8_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_SWITCH_ATTR_LAG_DEFAULT_HASH_OFFSET,

    /**
     * @brief Whether the LAG hash gives both directions of a conversation the same value
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_SWITCH_ATTR_LAG_DEFAULT_SYMMETRIC_HASH,

    /**
     * @brief Hash object for IPv4 traffic on LAG
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_HASH
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_LAG_HASH_IPV4,

    /**
     * @brief Hash object for IPv4 in IPv4 traffic on LAG
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_HASH
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_LAG_HASH_IPV4_IN_IPV4,

    /**
     * @brief Hash object for IPv6 traffic on LAG
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_HASH
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_LAG_HASH_IPV6,

    /**
     * @brief Seconds between refreshes of cached counters; 0 reads hardware directly
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 1
     */
    SAI_SWITCH_ATTR_COUNTER_REFRESH_INTERVAL,

    /**
     * @brief Traffic class given to packets that no map classifies
     *
     * @type sai_uint8_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_SWITCH_ATTR_QOS_DEFAULT_TC,

    /**
     * @brief Switch wide map from 802.1p priority to traffic class; NULL disables it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_QOS_MAP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_QOS_DOT1P_TO_TC_MAP,

    /**
     * @brief Switch wide map from 802.1p priority to color; NULL disables it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_QOS_MAP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_QOS_DOT1P_TO_COLOR_MAP,

    /**
     * @brief Switch wide map from DSCP to traffic class; NULL disables it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_QOS_MAP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_QOS_DSCP_TO_TC_MAP,

    /**
     * @brief Switch wide map from DSCP to color; NULL disables it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_QOS_MAP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_QOS_DSCP_TO_COLOR_MAP,

    /**
     * @brief Switch wide map from traffic class to queue; NULL sends everything to queue 0
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_QOS_MAP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_QOS_TC_TO_QUEUE_MAP,

    /**
     * @brief Switch wide map from traffic class and color to 802.1p priority; NULL disables it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_QOS_MAP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_QOS_TC_AND_COLOR_TO_DOT1P_MAP,

    /**
     * @brief Switch wide map from traffic class and color to DSCP; NULL disables it
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_QOS_MAP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_SWITCH_ATTR_QOS_TC_AND_COLOR_TO_DSCP_MAP,

    /**
     * @brief Starts the vendor shell of the switch
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_SWITCH_ATTR_SWITCH_SHELL_ENABLE,

    /**
     * @brief Profile whose key value pairs configure the switch at creation
     *
     * @type sai_uint32_t
     * @flags CREATE_ONLY
     * @default 0
     */
    SAI_SWITCH_ATTR_SWITCH_PROFILE_ID,

    /**
     * @brief Vendor specific text locating the device, such as a bus address; empty selects the first device
     *
     * @type sai_s8_list_t
     * @flags CREATE_ONLY
     * @default empty
     */
    SAI_SWITCH_ATTR_SWITCH_HARDWARE_INFO,

    /**
     * @brief Vendor specific path of the firmware image to load
     *
     * @type sai_s8_list_t
     * @flags CREATE_ONLY
     * @default empty
     */
    SAI_SWITCH_ATTR_FIRMWARE_PATH_NAME,

    /**
     * @brief True initializes the device and SDK, false attaches to a device that is already running
     *
     * @type bool
     * @flags MANDATORY_ON_CREATE | CREATE_ONLY
     */
    SAI_SWITCH_ATTR_INIT_SWITCH,

    /**
     * @brief Marks the end of the switch attribute ids declared here
     */
    SAI_SWITCH_ATTR_END,

    /** First id reserved for vendor switch attributes */
    SAI_SWITCH_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** Marks the end of the vendor switch attribute ids */
    SAI_SWITCH_ATTR_CUSTOM_RANGE_END,

    /** First id of the switch extension attributes in saiswitchextensions.h */
    SAI_SWITCH_ATTR_EXTENSIONS_RANGE_BASE = 0x20000000

} sai_switch_attr_t;

/**
 * @brief Create a switch, bringing up the device or attaching to it
 *
 * Afterwards the capability attributes of the switch can be read. Every
 * device must be given the same switch object id on each create or attach.
 *
 * @param[out] switch_id Id of the new switch object
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Attributes of the new switch
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_create_switch_fn)(
        _Out_ sai_object_id_t *switch_id,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list);

/**
 * @brief Remove a switch, releasing everything that belongs to it
 *
 * @param[in] switch_id Switch to remove
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_remove_switch_fn)(
        _In_ sai_object_id_t switch_id);

/**
 * @brief Change one attribute of a switch
 *
 * @param[in] switch_id Switch to change
 * @param[in] attr New attribute value
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_set_switch_attribute_fn)(
        _In_ sai_object_id_t switch_id,
        _In_ const sai_attribute_t *attr);

/**
 * @brief Read attributes of a switch
 *
 * @param[in] switch_id Switch to read
 * @param[in] attr_count Length of attr_list
 * @param[inout] attr_list Attributes to fill
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_switch_attribute_fn)(
        _In_ sai_object_id_t switch_id,
        _In_ uint32_t attr_count,
        _Inout_ sai_attribute_t *attr_list);

/**
 * @brief Switch functions returned by sai_api_query() for #SAI_API_SWITCH
 *
 * The members are the leading members of the SAI switch function table.
 */
typedef struct _sai_switch_api_t
{
    sai_create_switch_fn                   create_switch;
    sai_remove_switch_fn                   remove_switch;
    sai_set_switch_attribute_fn            set_switch_attribute;
    sai_get_switch_attribute_fn            get_switch_attribute;

} sai_switch_api_t;

/**
 * @}
 */
#endif /** __SAISWITCH_H_ */
