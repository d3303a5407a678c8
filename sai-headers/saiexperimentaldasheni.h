/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saiexperimentaldasheni.h
 *
 * @brief   DASH ENI objects and the ENI ether address map
 *
 * @warning This module is experimental
 */

#if !defined (__SAIEXPERIMENTALDASHENI_H_)
#define __SAIEXPERIMENTALDASHENI_H_

#include <saitypesextensions.h>

/**
 * @defgroup SAIEXPERIMENTALDASHENI SAI - Experimental: DASH ENI definitions
 *
 * @{
 */

/**
 * @brief Values of #SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ACTION
 */
typedef enum _sai_eni_ether_address_map_entry_action_t
{
    SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ACTION_SET_ENI,

} sai_eni_ether_address_map_entry_action_t;

/**
 * @brief Key of an ENI ether address map entry
 */
typedef struct _sai_eni_ether_address_map_entry_t
{
    /**
     * @brief Switch that holds the entry
     *
     * @objects SAI_OBJECT_TYPE_SWITCH
     */
    sai_object_id_t switch_id;

    /**
     * @brief MAC address matched exactly
     */
    sai_mac_t address;

} sai_eni_ether_address_map_entry_t;

/**
 * @brief Attributes of an ENI ether address map entry
 */
typedef enum _sai_eni_ether_address_map_entry_attr_t
{
    /**
     * @brief Marks the first ENI ether address map entry attribute id
     */
    SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_START,

    /**
     * @brief Operation the map entry performs
     *
     * @type sai_eni_ether_address_map_entry_action_t
     * @flags CREATE_AND_SET
     * @default SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ACTION_SET_ENI
     */
    SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ACTION = SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_START,

    /**
     * @brief ENI selected for packets carrying the MAC address of the key
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_ENI
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID,

    /**
     * @brief Marks the end of the ENI ether address map entry attribute ids
     */
    SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_END,

    /** First id reserved for vendor ENI ether address map entry attributes */
    SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** Marks the end of the vendor ENI ether address map entry attribute ids */
    SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_CUSTOM_RANGE_END,

} sai_eni_ether_address_map_entry_attr_t;

/**
 * @brief Attributes of an ENI
 */
typedef enum _sai_eni_attr_t
{
    /**
     * @brief Marks the first ENI attribute id
     */
    SAI_ENI_ATTR_START,

    /**
     * @brief Connections per second allowed for the ENI
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_ENI_ATTR_CPS = SAI_ENI_ATTR_START,

    /**
     * @brief Packets per second allowed for the ENI
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_ENI_ATTR_PPS,

    /**
     * @brief Largest number of flows the ENI may own
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_ENI_ATTR_FLOWS,

    /**
     * @brief True lets the ENI process traffic
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_ENI_ATTR_ADMIN_STATE,

    /**
     * @brief High availability scope the ENI belongs to
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_HA_SCOPE
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_HA_SCOPE_ID,

    /**
     * @brief Underlay address of the host that runs the virtual machine
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_ENI_ATTR_VM_UNDERLAY_DIP,

    /**
     * @brief Virtual network identifier used toward the virtual machine
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_ENI_ATTR_VM_VNI,

    /**
     * @brief VNET the ENI is attached to
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_VNET
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_VNET_ID,

    /**
     * @brief Source address used for private link traffic
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_ENI_ATTR_PL_SIP,

    /**
     * @brief Mask applied to the private link source address
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_ENI_ATTR_PL_SIP_MASK,

    /**
     * @brief Underlay source address used for private link traffic
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_ENI_ATTR_PL_UNDERLAY_SIP,

    /**
     * @brief Meter policy applied to IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_METER_POLICY
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_V4_METER_POLICY_ID,

    /**
     * @brief Meter policy applied to IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_METER_POLICY
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_V6_METER_POLICY_ID,

    /**
     * @brief How the DSCP of the outer header is chosen
     *
     * @type sai_dash_tunnel_dscp_mode_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_TUNNEL_DSCP_MODE_PRESERVE_MODEL
     */
    SAI_ENI_ATTR_DASH_TUNNEL_DSCP_MODE,

    /**
     * @brief DSCP value written into the outer header in pipe mode
     *
     * @type sai_uint8_t
     * @flags CREATE_AND_SET
     * @default 0
     * @validonly SAI_ENI_ATTR_DASH_TUNNEL_DSCP_MODE == SAI_DASH_TUNNEL_DSCP_MODE_PIPE_MODEL
     */
    SAI_ENI_ATTR_DSCP,

    /**
     * @brief DASH ACL group evaluated at stage 1 for inbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V4_STAGE1_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 2 for inbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V4_STAGE2_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 3 for inbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V4_STAGE3_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 4 for inbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V4_STAGE4_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 5 for inbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V4_STAGE5_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 1 for inbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V6_STAGE1_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 2 for inbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V6_STAGE2_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 3 for inbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V6_STAGE3_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 4 for inbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V6_STAGE4_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 5 for inbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_INBOUND_V6_STAGE5_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 1 for outbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V4_STAGE1_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 2 for outbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V4_STAGE2_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 3 for outbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V4_STAGE3_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 4 for outbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V4_STAGE4_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 5 for outbound IPv4 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V4_STAGE5_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 1 for outbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V6_STAGE1_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 2 for outbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V6_STAGE2_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 3 for outbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V6_STAGE3_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 4 for outbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V6_STAGE4_DASH_ACL_GROUP_ID,

    /**
     * @brief DASH ACL group evaluated at stage 5 for outbound IPv6 traffic
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_DASH_ACL_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_V6_STAGE5_DASH_ACL_GROUP_ID,

    /**
     * @brief True ignores ICMP redirect messages for fast path flow updates
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_ENI_ATTR_DISABLE_FAST_PATH_ICMP_FLOW_REDIRECTION,

    /**
     * @brief Setting true asks for every flow of the ENI to be evaluated again
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_ENI_ATTR_FULL_FLOW_RESIMULATION_REQUESTED,

    /**
     * @brief Limit on flows evaluated again per second
     *
     * @type sai_uint64_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_ENI_ATTR_MAX_RESIMULATED_FLOW_PER_SECOND,

    /**
     * @brief Outbound routing group used for traffic leaving the ENI
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_OUTBOUND_ROUTING_GROUP
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_OUTBOUND_ROUTING_GROUP_ID,

    /**
     * @brief True makes this ENI the owner of flow state in its high availability pair
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_ENI_ATTR_IS_HA_FLOW_OWNER,

    /**
     * @brief True learns the return tunnel from received traffic
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_ENI_ATTR_ENABLE_REVERSE_TUNNEL_LEARNING,

    /**
     * @brief Source address of the learned return tunnel
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_ENI_ATTR_REVERSE_TUNNEL_SIP,

    /**
     * @brief Flow table that stores the flows of the ENI
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_FLOW_TABLE
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_ENI_ATTR_FLOW_TABLE_ID,

    /**
     * @brief Kind of endpoint the ENI represents
     *
     * @type sai_dash_eni_mode_t
     * @flags CREATE_ONLY
     * @default SAI_DASH_ENI_MODE_VM
     */
    SAI_ENI_ATTR_DASH_ENI_MODE,

    /**
     * @brief Whether the ENI currently owns flow state in its high availability pair
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_ENI_ATTR_IS_OPERATIONAL_HA_FLOW_OWNER,

    /**
     * @brief Marks the end of the ENI attribute ids
     */
    SAI_ENI_ATTR_END,

    /** First id reserved for vendor ENI attributes */
    SAI_ENI_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** Marks the end of the vendor ENI attribute ids */
    SAI_ENI_ATTR_CUSTOM_RANGE_END,

} sai_eni_attr_t;

/**
 * @brief Counters of an ENI
 */
typedef enum _sai_eni_stat_t
{
    SAI_ENI_STAT_RX_BYTES,

    SAI_ENI_STAT_RX_PACKETS,

    SAI_ENI_STAT_TX_BYTES,

    SAI_ENI_STAT_TX_PACKETS,

    SAI_ENI_STAT_OUTBOUND_RX_BYTES,

    SAI_ENI_STAT_OUTBOUND_RX_PACKETS,

    SAI_ENI_STAT_OUTBOUND_TX_BYTES,

    SAI_ENI_STAT_OUTBOUND_TX_PACKETS,

    SAI_ENI_STAT_INBOUND_RX_BYTES,

    SAI_ENI_STAT_INBOUND_RX_PACKETS,

    SAI_ENI_STAT_INBOUND_TX_BYTES,

    SAI_ENI_STAT_INBOUND_TX_PACKETS,

    SAI_ENI_STAT_LB_FAST_PATH_ICMP_IN_BYTES,

    SAI_ENI_STAT_LB_FAST_PATH_ICMP_IN_PACKETS,

    SAI_ENI_STAT_FLOW_CREATED,

    SAI_ENI_STAT_FLOW_CREATE_FAILED,

    SAI_ENI_STAT_FLOW_UPDATED,

    SAI_ENI_STAT_FLOW_UPDATE_FAILED,

    SAI_ENI_STAT_FLOW_UPDATED_BY_RESIMULATION,

    SAI_ENI_STAT_FLOW_UPDATE_BY_RESIMULATION_FAILED,

    SAI_ENI_STAT_FLOW_DELETED,

    SAI_ENI_STAT_FLOW_DELETE_FAILED,

    SAI_ENI_STAT_FLOW_AGED,

    SAI_ENI_STAT_INLINE_SYNC_PACKET_RX_BYTES,

    SAI_ENI_STAT_INLINE_SYNC_PACKET_RX_PACKETS,

    SAI_ENI_STAT_INLINE_SYNC_PACKET_TX_BYTES,

    SAI_ENI_STAT_INLINE_SYNC_PACKET_TX_PACKETS,

    SAI_ENI_STAT_TIMED_SYNC_PACKET_RX_BYTES,

    SAI_ENI_STAT_TIMED_SYNC_PACKET_RX_PACKETS,

    SAI_ENI_STAT_TIMED_SYNC_PACKET_TX_BYTES,

    SAI_ENI_STAT_TIMED_SYNC_PACKET_TX_PACKETS,

    SAI_ENI_STAT_INLINE_FLOW_CREATE_REQ_SENT,

    SAI_ENI_STAT_INLINE_FLOW_CREATE_REQ_RECV,

    SAI_ENI_STAT_INLINE_FLOW_CREATE_REQ_FAILED,

    SAI_ENI_STAT_INLINE_FLOW_CREATE_REQ_IGNORED,

    SAI_ENI_STAT_INLINE_FLOW_CREATE_ACK_RECV,

    SAI_ENI_STAT_INLINE_FLOW_CREATE_ACK_FAILED,

    SAI_ENI_STAT_INLINE_FLOW_CREATE_ACK_IGNORED,

    SAI_ENI_STAT_TIMED_FLOW_CREATE_REQ_SENT,

    SAI_ENI_STAT_TIMED_FLOW_CREATE_REQ_RECV,

    SAI_ENI_STAT_TIMED_FLOW_CREATE_REQ_FAILED,

    SAI_ENI_STAT_TIMED_FLOW_CREATE_REQ_IGNORED,

    SAI_ENI_STAT_TIMED_FLOW_CREATE_ACK_RECV,

    SAI_ENI_STAT_TIMED_FLOW_CREATE_ACK_FAILED,

    SAI_ENI_STAT_TIMED_FLOW_CREATE_ACK_IGNORED,

    SAI_ENI_STAT_INLINE_FLOW_UPDATE_REQ_SENT,

    SAI_ENI_STAT_INLINE_FLOW_UPDATE_REQ_RECV,

    SAI_ENI_STAT_INLINE_FLOW_UPDATE_REQ_FAILED,

    SAI_ENI_STAT_INLINE_FLOW_UPDATE_REQ_IGNORED,

    SAI_ENI_STAT_INLINE_FLOW_UPDATE_ACK_RECV,

    SAI_ENI_STAT_INLINE_FLOW_UPDATE_ACK_FAILED,

    SAI_ENI_STAT_INLINE_FLOW_UPDATE_ACK_IGNORED,

    SAI_ENI_STAT_TIMED_FLOW_UPDATE_REQ_SENT,

    SAI_ENI_STAT_TIMED_FLOW_UPDATE_REQ_RECV,

    SAI_ENI_STAT_TIMED_FLOW_UPDATE_REQ_FAILED,

    SAI_ENI_STAT_TIMED_FLOW_UPDATE_REQ_IGNORED,

    SAI_ENI_STAT_TIMED_FLOW_UPDATE_ACK_RECV,

    SAI_ENI_STAT_TIMED_FLOW_UPDATE_ACK_FAILED,

    SAI_ENI_STAT_TIMED_FLOW_UPDATE_ACK_IGNORED,

    SAI_ENI_STAT_INLINE_FLOW_DELETE_REQ_SENT,

    SAI_ENI_STAT_INLINE_FLOW_DELETE_REQ_RECV,

    SAI_ENI_STAT_INLINE_FLOW_DELETE_REQ_FAILED,

    SAI_ENI_STAT_INLINE_FLOW_DELETE_REQ_IGNORED,

    SAI_ENI_STAT_INLINE_FLOW_DELETE_ACK_RECV,

    SAI_ENI_STAT_INLINE_FLOW_DELETE_ACK_FAILED,

    SAI_ENI_STAT_INLINE_FLOW_DELETE_ACK_IGNORED,

    SAI_ENI_STAT_TIMED_FLOW_DELETE_REQ_SENT,

    SAI_ENI_STAT_TIMED_FLOW_DELETE_REQ_RECV,

    SAI_ENI_STAT_TIMED_FLOW_DELETE_REQ_FAILED,

    SAI_ENI_STAT_TIMED_FLOW_DELETE_REQ_IGNORED,

    SAI_ENI_STAT_TIMED_FLOW_DELETE_ACK_RECV,

    SAI_ENI_STAT_TIMED_FLOW_DELETE_ACK_FAILED,

    SAI_ENI_STAT_TIMED_FLOW_DELETE_ACK_IGNORED,

    SAI_ENI_STAT_OUTBOUND_ROUTING_ENTRY_MISS_DROP_PACKETS,

    SAI_ENI_STAT_OUTBOUND_CA_PA_ENTRY_MISS_DROP_PACKETS,

    SAI_ENI_STAT_INBOUND_ROUTING_ENTRY_MISS_DROP_PACKETS,

    SAI_ENI_STAT_OUTBOUND_ROUTING_GROUP_MISS_DROP_PACKETS,

    SAI_ENI_STAT_OUTBOUND_ROUTING_GROUP_DISABLED_DROP_PACKETS,

    SAI_ENI_STAT_OUTBOUND_PORT_MAP_MISS_DROP_PACKETS,

    SAI_ENI_STAT_OUTBOUND_PORT_MAP_PORT_RANGE_ENTRY_MISS_DROP_PACKETS,

    SAI_ENI_STAT_ENI_TRUSTED_VNI_ENTRY_MISS_DROP_PACKETS,

    SAI_ENI_STAT_INBOUND_TCP_SYN_PACKETS,

    SAI_ENI_STAT_INBOUND_TCP_SYNACK_PACKETS,

    SAI_ENI_STAT_INBOUND_TCP_FIN_PACKETS,

    SAI_ENI_STAT_INBOUND_TCP_RST_PACKETS,

    SAI_ENI_STAT_OUTBOUND_TCP_SYN_PACKETS,

    SAI_ENI_STAT_OUTBOUND_TCP_SYNACK_PACKETS,

    SAI_ENI_STAT_OUTBOUND_TCP_FIN_PACKETS,

    SAI_ENI_STAT_OUTBOUND_TCP_RST_PACKETS,

    SAI_ENI_STAT_MAX_RX_CPS,

    SAI_ENI_STAT_MAX_TX_CPS,

    SAI_ENI_STAT_TCP_RST_INJECT_PACKETS,

    SAI_ENI_STAT_LB_FAST_PATH_ICMP_IN_DROP_PACKETS,

    SAI_ENI_STAT_PA_VALIDATION_FAIL_DROP_PACKETS,

    SAI_ENI_STAT_FORWARDING_DROP_PACKETS,

    SAI_ENI_STAT_POLICY_DROP_PACKETS,

    SAI_ENI_STAT_TCP_NON_SYN_FLOW_MISS_DROP_PACKETS,

    SAI_ENI_STAT_SESSION_LIMIT_EXCEEDED_DROP_PACKETS,

    SAI_ENI_STAT_UNSUPPORTED_PROTOCOL_DROP_PACKETS,

    SAI_ENI_STAT_COPP_DROP_PACKETS,

    SAI_ENI_STAT_INCONSISTENT_FLOW_ENTRY_DROP_PACKETS,

    SAI_ENI_STAT_PIPELINE_PACKET_LOOP_DROP_PACKETS,

    SAI_ENI_STAT_OTHER_DROP_PACKETS,

    SAI_ENI_STAT_TOTAL_DROP_PACKETS,

    SAI_ENI_STAT_INLINE_SYNC_REQ_TX,

    SAI_ENI_STAT_INLINE_SYNC_ACK_TX,

    SAI_ENI_STAT_INLINE_SYNC_REDIRECT_PACKETS_TX,

    SAI_ENI_STAT_INLINE_SYNC_REQ_RX,

    SAI_ENI_STAT_INLINE_SYNC_ACK_RX,

    SAI_ENI_STAT_INLINE_SYNC_REDIRECT_PACKETS_RX,

    SAI_ENI_STAT_LB_FAST_PATH_ACTIVE_FLOW,

} sai_eni_stat_t;

/**
 * @brief Create an ENI ether address map entry
 *
 * @param[in] eni_ether_address_map_entry Key of the new ENI ether address map entry
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Attributes of the new ENI ether address map entry
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_create_eni_ether_address_map_entry_fn)(
        _In_ const sai_eni_ether_address_map_entry_t *eni_ether_address_map_entry,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list);

/**
 * @brief Remove an ENI ether address map entry
 *
 * @param[in] eni_ether_address_map_entry Key of the ENI ether address map entry to remove
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_remove_eni_ether_address_map_entry_fn)(
        _In_ const sai_eni_ether_address_map_entry_t *eni_ether_address_map_entry);

/**
 * @brief Change one attribute of an ENI ether address map entry
 *
 * @param[in] eni_ether_address_map_entry Key of the ENI ether address map entry to change
 * @param[in] attr New attribute value
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_set_eni_ether_address_map_entry_attribute_fn)(
        _In_ const sai_eni_ether_address_map_entry_t *eni_ether_address_map_entry,
        _In_ const sai_attribute_t *attr);

/**
 * @brief Read attributes of an ENI ether address map entry
 *
 * @param[in] eni_ether_address_map_entry Key of the ENI ether address map entry to read
 * @param[in] attr_count Length of attr_list
 * @param[inout] attr_list Attributes to fill
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_eni_ether_address_map_entry_attribute_fn)(
        _In_ const sai_eni_ether_address_map_entry_t *eni_ether_address_map_entry,
        _In_ uint32_t attr_count,
        _Inout_ sai_attribute_t *attr_list);

/**
 * @brief Create several ENI ether address map entries in one call
 *
 * @param[in] object_count How many entries to create
 * @param[in] eni_ether_address_map_entry Keys of the new entries
 * @param[in] attr_count Per entry, the length of its attribute list
 * @param[in] attr_list Per entry, its attribute list
 * @param[in] mode Reaction to a failing item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_create_eni_ether_address_map_entry_fn)(
        _In_ uint32_t object_count,
        _In_ const sai_eni_ether_address_map_entry_t *eni_ether_address_map_entry,
        _In_ const uint32_t *attr_count,
        _In_ const sai_attribute_t **attr_list,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Remove several ENI ether address map entries in one call
 *
 * @param[in] object_count How many entries to remove
 * @param[in] eni_ether_address_map_entry Keys of the entries to remove
 * @param[in] mode Reaction to a failing item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_remove_eni_ether_address_map_entry_fn)(
        _In_ uint32_t object_count,
        _In_ const sai_eni_ether_address_map_entry_t *eni_ether_address_map_entry,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Create an ENI
 *
 * @param[out] eni_id Id of the new ENI
 * @param[in] switch_id Switch that owns the ENI
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Attributes of the new ENI
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_create_eni_fn)(
        _Out_ sai_object_id_t *eni_id,
        _In_ sai_object_id_t switch_id,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list);

/**
 * @brief Remove an ENI
 *
 * @param[in] eni_id Id of the ENI to remove
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_remove_eni_fn)(
        _In_ sai_object_id_t eni_id);

/**
 * @brief Change one attribute of an ENI
 *
 * @param[in] eni_id Id of the ENI to change
 * @param[in] attr New attribute value
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_set_eni_attribute_fn)(
        _In_ sai_object_id_t eni_id,
        _In_ const sai_attribute_t *attr);

/**
 * @brief Read attributes of an ENI
 *
 * @param[in] eni_id Id of the ENI to read
 * @param[in] attr_count Length of attr_list
 * @param[inout] attr_list Attributes to fill
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_eni_attribute_fn)(
        _In_ sai_object_id_t eni_id,
        _In_ uint32_t attr_count,
        _Inout_ sai_attribute_t *attr_list);

/**
 * @brief Read counters of an ENI
 *
 * Kept for compatibility; get_eni_stats_ext is preferred.
 *
 * @param[in] eni_id Id of the ENI to read
 * @param[in] number_of_counters Length of counter_ids
 * @param[in] counter_ids Counters to read
 * @param[out] counters Counter values, one per id
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_eni_stats_fn)(
        _In_ sai_object_id_t eni_id,
        _In_ uint32_t number_of_counters,
        _In_ const sai_stat_id_t *counter_ids,
        _Out_ uint64_t *counters);

/**
 * @brief Read counters of an ENI in the given mode
 *
 * @param[in] eni_id Id of the ENI to read
 * @param[in] number_of_counters Length of counter_ids
 * @param[in] counter_ids Counters to read
 * @param[in] mode Read mode
 * @param[out] counters Counter values, one per id
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_eni_stats_ext_fn)(
        _In_ sai_object_id_t eni_id,
        _In_ uint32_t number_of_counters,
        _In_ const sai_stat_id_t *counter_ids,
        _In_ sai_stats_mode_t mode,
        _Out_ uint64_t *counters);

/**
 * @brief Reset counters of an ENI to zero
 *
 * @param[in] eni_id Id of the ENI
 * @param[in] number_of_counters Length of counter_ids
 * @param[in] counter_ids Counters to reset
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_clear_eni_stats_fn)(
        _In_ sai_object_id_t eni_id,
        _In_ uint32_t number_of_counters,
        _In_ const sai_stat_id_t *counter_ids);

/**
 * @brief DASH ENI functions returned by sai_api_query() for #SAI_API_DASH_ENI
 */
typedef struct _sai_dash_eni_api_t
{
    sai_create_eni_ether_address_map_entry_fn           create_eni_ether_address_map_entry;
    sai_remove_eni_ether_address_map_entry_fn           remove_eni_ether_address_map_entry;
    sai_set_eni_ether_address_map_entry_attribute_fn    set_eni_ether_address_map_entry_attribute;
    sai_get_eni_ether_address_map_entry_attribute_fn    get_eni_ether_address_map_entry_attribute;
    sai_bulk_create_eni_ether_address_map_entry_fn      create_eni_ether_address_map_entries;
    sai_bulk_remove_eni_ether_address_map_entry_fn      remove_eni_ether_address_map_entries;

    sai_create_eni_fn                                   create_eni;
    sai_remove_eni_fn                                   remove_eni;
    sai_set_eni_attribute_fn                            set_eni_attribute;
    sai_get_eni_attribute_fn                            get_eni_attribute;
    sai_get_eni_stats_fn                                get_eni_stats;
    sai_get_eni_stats_ext_fn                            get_eni_stats_ext;
    sai_clear_eni_stats_fn                              clear_eni_stats;
    sai_bulk_object_create_fn                           create_enis;
    sai_bulk_object_remove_fn                           remove_enis;

} sai_dash_eni_api_t;

/**
 * @}
 */
#endif /** __SAIEXPERIMENTALDASHENI_H_ */
