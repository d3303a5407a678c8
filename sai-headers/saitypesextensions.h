/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saitypesextensions.h
 *
 * @brief   Experimental object types and the DASH value enumerations
 */

#ifndef __SAITYPESEXTENSIONS_H_
#define __SAITYPESEXTENSIONS_H_

#include <saitypes.h>

/**
 * @brief Object types added by the experimental headers
 *
 * The values continue sai_object_type_t from its extensions range base.
 *
 * @flags free
 */
typedef enum _sai_object_type_extensions_t
{
    SAI_OBJECT_TYPE_EXTENSIONS_RANGE_START = SAI_OBJECT_TYPE_EXTENSIONS_RANGE_BASE,

    SAI_OBJECT_TYPE_TABLE_BITMAP_CLASSIFICATION_ENTRY = SAI_OBJECT_TYPE_EXTENSIONS_RANGE_START,

    SAI_OBJECT_TYPE_TABLE_BITMAP_ROUTER_ENTRY,

    SAI_OBJECT_TYPE_TABLE_META_TUNNEL_ENTRY,

    SAI_OBJECT_TYPE_DASH_ACL_GROUP,

    SAI_OBJECT_TYPE_DASH_ACL_RULE,

    SAI_OBJECT_TYPE_DIRECTION_LOOKUP_ENTRY,

    SAI_OBJECT_TYPE_ENI_ETHER_ADDRESS_MAP_ENTRY,

    SAI_OBJECT_TYPE_ENI,

    SAI_OBJECT_TYPE_INBOUND_ROUTING_ENTRY,

    SAI_OBJECT_TYPE_METER_BUCKET_ENTRY,

    SAI_OBJECT_TYPE_METER_POLICY,

    SAI_OBJECT_TYPE_METER_RULE,

    SAI_OBJECT_TYPE_OUTBOUND_CA_TO_PA_ENTRY,

    SAI_OBJECT_TYPE_OUTBOUND_ROUTING_ENTRY,

    SAI_OBJECT_TYPE_VNET,

    SAI_OBJECT_TYPE_PA_VALIDATION_ENTRY,

    SAI_OBJECT_TYPE_VIP_ENTRY,

    SAI_OBJECT_TYPE_HA_SET,

    SAI_OBJECT_TYPE_HA_SCOPE,

    SAI_OBJECT_TYPE_DASH_TUNNEL,

    SAI_OBJECT_TYPE_OUTBOUND_ROUTING_GROUP,

    SAI_OBJECT_TYPE_FLOW_TABLE,

    SAI_OBJECT_TYPE_FLOW_ENTRY,

    SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER,

    SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION,

    SAI_OBJECT_TYPE_DASH_APPLIANCE,

    SAI_OBJECT_TYPE_DASH_TUNNEL_MEMBER,

    SAI_OBJECT_TYPE_DASH_TUNNEL_NEXT_HOP,

    SAI_OBJECT_TYPE_OUTBOUND_PORT_MAP,

    SAI_OBJECT_TYPE_OUTBOUND_PORT_MAP_PORT_RANGE_ENTRY,

    SAI_OBJECT_TYPE_GLOBAL_TRUSTED_VNI_ENTRY,

    SAI_OBJECT_TYPE_ENI_TRUSTED_VNI_ENTRY,

    /** First of the optical transport network object types */
    SAI_OBJECT_TYPE_OTN_ATTENUATOR,

    SAI_OBJECT_TYPE_OTN_OA,

    SAI_OBJECT_TYPE_EXTENSIONS_RANGE_END

} sai_object_type_extensions_t;

/**
 * @brief Direction of DASH traffic relative to the ENI
 */
typedef enum _sai_dash_direction_t
{
    SAI_DASH_DIRECTION_INVALID,

    SAI_DASH_DIRECTION_OUTBOUND,

    SAI_DASH_DIRECTION_INBOUND,

} sai_dash_direction_t;

/**
 * @brief Tunnel encapsulation used on a DASH underlay
 */
typedef enum _sai_dash_encapsulation_t
{
    SAI_DASH_ENCAPSULATION_INVALID,

    SAI_DASH_ENCAPSULATION_VXLAN,

    SAI_DASH_ENCAPSULATION_NVGRE,

} sai_dash_encapsulation_t;

/**
 * @brief How the DSCP of the outer header is chosen when encapsulating
 */
typedef enum _sai_dash_tunnel_dscp_mode_t
{
    SAI_DASH_TUNNEL_DSCP_MODE_PRESERVE_MODEL,

    SAI_DASH_TUNNEL_DSCP_MODE_PIPE_MODEL,

} sai_dash_tunnel_dscp_mode_t;

/**
 * @brief Packet transformations a DASH routing entry may request, as bits
 *
 * @flags strict
 */
typedef enum _sai_dash_routing_actions_t
{
    SAI_DASH_ROUTING_ACTIONS_NONE = 0,

    SAI_DASH_ROUTING_ACTIONS_STATIC_ENCAP = 1,

    SAI_DASH_ROUTING_ACTIONS_NAT = 2,

    SAI_DASH_ROUTING_ACTIONS_NAT46 = 4,

    SAI_DASH_ROUTING_ACTIONS_NAT64 = 8,

    SAI_DASH_ROUTING_ACTIONS_NAT_PORT = 16,

} sai_dash_routing_actions_t;

/**
 * @brief Role of a DASH high availability scope
 */
typedef enum _sai_dash_ha_role_t
{
    SAI_DASH_HA_ROLE_DEAD,

    SAI_DASH_HA_ROLE_ACTIVE,

    SAI_DASH_HA_ROLE_STANDBY,

    SAI_DASH_HA_ROLE_STANDALONE,

    SAI_DASH_HA_ROLE_SWITCHING_TO_ACTIVE,

} sai_dash_ha_role_t;

/**
 * @brief Packet fields that make up the key of a flow table, as bits
 *
 * A flow table key is the bitwise OR of the wanted fields.
 *
 * @flags strict
 */
typedef enum _sai_dash_flow_enabled_key_t
{
    SAI_DASH_FLOW_ENABLED_KEY_NONE = 0,

    SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC = 1,

    SAI_DASH_FLOW_ENABLED_KEY_VNI = 2,

    SAI_DASH_FLOW_ENABLED_KEY_PROTOCOL = 4,

    SAI_DASH_FLOW_ENABLED_KEY_SRC_IP = 8,

    SAI_DASH_FLOW_ENABLED_KEY_DST_IP = 16,

    SAI_DASH_FLOW_ENABLED_KEY_SRC_PORT = 32,

    SAI_DASH_FLOW_ENABLED_KEY_DST_PORT = 64,

} sai_dash_flow_enabled_key_t;

/**
 * @brief Packet transformations applied by a flow entry, as bits
 *
 * A flow entry may combine several of them with bitwise OR.
 *
 * @flags strict
 */
typedef enum _sai_dash_flow_action_t
{
    SAI_DASH_FLOW_ACTION_NONE = 0,

    SAI_DASH_FLOW_ACTION_ENCAP_U0 = 1 << 0,

    SAI_DASH_FLOW_ACTION_ENCAP_U1 = 1 << 1,

    SAI_DASH_FLOW_ACTION_SET_SMAC = 1 << 2,

    SAI_DASH_FLOW_ACTION_SET_DMAC = 1 << 3,

    SAI_DASH_FLOW_ACTION_SNAT = 1 << 4,

    SAI_DASH_FLOW_ACTION_DNAT = 1 << 5,

    SAI_DASH_FLOW_ACTION_NAT46 = 1 << 6,

    SAI_DASH_FLOW_ACTION_NAT64 = 1 << 7,

    SAI_DASH_FLOW_ACTION_SNAT_PORT = 1 << 8,

    SAI_DASH_FLOW_ACTION_DNAT_PORT = 1 << 9,

} sai_dash_flow_action_t;

/**
 * @brief States of the DASH high availability state machine
 */
typedef enum _sai_dash_ha_state_t
{
    SAI_DASH_HA_STATE_DEAD,

    SAI_DASH_HA_STATE_CONNECTING,

    SAI_DASH_HA_STATE_CONNECTED,

    SAI_DASH_HA_STATE_INITIALIZING_TO_ACTIVE,

    SAI_DASH_HA_STATE_INITIALIZING_TO_STANDBY,

    SAI_DASH_HA_STATE_PENDING_STANDALONE_ACTIVATION,

    SAI_DASH_HA_STATE_PENDING_ACTIVE_ACTIVATION,

    SAI_DASH_HA_STATE_PENDING_STANDBY_ACTIVATION,

    SAI_DASH_HA_STATE_STANDALONE,

    SAI_DASH_HA_STATE_ACTIVE,

    SAI_DASH_HA_STATE_STANDBY,

    SAI_DASH_HA_STATE_DESTROYING,

    SAI_DASH_HA_STATE_SWITCHING_TO_STANDALONE,

} sai_dash_ha_state_t;

/**
 * @brief Comparison a flow bulk get session filter applies
 */
typedef enum _sai_dash_flow_entry_bulk_get_session_op_key_t
{
    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_INVALID,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_EQUAL_TO,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_GREATER_THAN,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_GREATER_THAN_OR_EQUAL_TO,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_LESS_THAN,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_LESS_THAN_OR_EQUAL_TO,

} sai_dash_flow_entry_bulk_get_session_op_key_t;

/**
 * @brief How a flow bulk get session delivers the flows it collects
 *
 * The repeated prefix in the value names is part of the SAI names.
 */
typedef enum _sai_dash_flow_entry_bulk_get_session_mode_t
{
    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_GRPC,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_VENDOR,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_EVENT,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_EVENT_WITHOUT_FLOW_STATE,

} sai_dash_flow_entry_bulk_get_session_mode_t;

/**
 * @brief Flow property a flow bulk get session filter looks at
 */
typedef enum _sai_dash_flow_entry_bulk_get_session_filter_key_t
{
    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_INVALID,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_FLOW_TABLE_ID,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_ENI_ADDR,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_IP_PROTOCOL,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_SRC_IP_ADDR,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_DST_IP_ADDR,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_SRC_L4_PORT,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_DST_L4_PORT,

    SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_KEY_VERSION,

} sai_dash_flow_entry_bulk_get_session_filter_key_t;

/**
 * @brief Which MAC address of a packet an ENI rewrites
 */
typedef enum _sai_dash_eni_mac_override_type_t
{
    SAI_DASH_ENI_MAC_OVERRIDE_TYPE_NONE,

    SAI_DASH_ENI_MAC_OVERRIDE_TYPE_SRC_MAC,

    SAI_DASH_ENI_MAC_OVERRIDE_TYPE_DST_MAC,

} sai_dash_eni_mac_override_type_t;

/**
 * @brief High availability synchronization state of a flow entry
 */
typedef enum _sai_dash_flow_sync_state_t
{
    SAI_DASH_FLOW_SYNC_STATE_FLOW_MISS,

    SAI_DASH_FLOW_SYNC_STATE_FLOW_CREATED,

    SAI_DASH_FLOW_SYNC_STATE_FLOW_SYNCED,

    SAI_DASH_FLOW_SYNC_STATE_FLOW_PENDING_DELETE,

    SAI_DASH_FLOW_SYNC_STATE_FLOW_PENDING_RESIMULATION,

} sai_dash_flow_sync_state_t;

/**
 * @brief Kind of endpoint an ENI represents
 */
typedef enum _sai_dash_eni_mode_t
{
    SAI_DASH_ENI_MODE_VM,

    SAI_DASH_ENI_MODE_FNIC,

} sai_dash_eni_mode_t;

#endif /* __SAITYPESEXTENSIONS_H_ */
