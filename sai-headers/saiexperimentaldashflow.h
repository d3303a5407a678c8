/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saiexperimentaldashflow.h
 *
 * @brief   DASH flow tables, flow entries and flow bulk get sessions
 *
 * @warning This module is experimental
 */

#if !defined (__SAIEXPERIMENTALDASHFLOW_H_)
#define __SAIEXPERIMENTALDASHFLOW_H_

#include <saitypesextensions.h>

/**
 * @defgroup SAIEXPERIMENTALDASHFLOW SAI - Experimental: DASH flow definitions
 *
 * @{
 */

/**
 * @brief Values of #SAI_FLOW_ENTRY_ATTR_ACTION
 */
typedef enum _sai_flow_entry_action_t
{
    SAI_FLOW_ENTRY_ACTION_SET_FLOW_ENTRY_ATTR,

} sai_flow_entry_action_t;

/**
 * @brief Attributes of a flow table
 */
typedef enum _sai_flow_table_attr_t
{
    /**
     * @brief Marks the first flow table attribute id
     */
    SAI_FLOW_TABLE_ATTR_START,

    /**
     * @brief Largest number of flow entries the table may hold
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT = SAI_FLOW_TABLE_ATTR_START,

    /**
     * @brief Packet fields that form the key of entries in this table, as a bit mask
     *
     * @type sai_dash_flow_enabled_key_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC
     */
    SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY,

    /**
     * @brief Idle time in milliseconds after which an entry of this table expires
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS,

    /**
     * @brief Marks the end of the flow table attribute ids
     */
    SAI_FLOW_TABLE_ATTR_END,

    /** First id reserved for vendor flow table attributes */
    SAI_FLOW_TABLE_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** Marks the end of the vendor flow table attribute ids */
    SAI_FLOW_TABLE_ATTR_CUSTOM_RANGE_END,

} sai_flow_table_attr_t;

/**
 * @brief Key of a flow entry
 *
 * The members are matched exactly.
 */
typedef struct _sai_flow_entry_t
{
    /**
     * @brief Switch that holds the entry
     *
     * @objects SAI_OBJECT_TYPE_SWITCH
     */
    sai_object_id_t switch_id;

    /**
     * @brief MAC address of the ENI the flow belongs to
     */
    sai_mac_t eni_mac;

    /**
     * @brief VNET number of the flow
     */
    sai_uint16_t vnet_id;

    /**
     * @brief IP protocol number of the flow
     */
    sai_uint8_t ip_proto;

    /**
     * @brief Source address of the flow
     */
    sai_ip_address_t src_ip;

    /**
     * @brief Destination address of the flow
     */
    sai_ip_address_t dst_ip;

    /**
     * @brief L4 source port of the flow
     */
    sai_uint16_t src_port;

    /**
     * @brief L4 destination port of the flow
     */
    sai_uint16_t dst_port;

} sai_flow_entry_t;

/**
 * @brief Attributes of a flow entry
 */
typedef enum _sai_flow_entry_attr_t
{
    /**
     * @brief Marks the first flow entry attribute id
     */
    SAI_FLOW_ENTRY_ATTR_START,

    /**
     * @brief Operation the flow entry performs
     *
     * @type sai_flow_entry_action_t
     * @flags CREATE_AND_SET
     * @default SAI_FLOW_ENTRY_ACTION_SET_FLOW_ENTRY_ATTR
     */
    SAI_FLOW_ENTRY_ATTR_ACTION = SAI_FLOW_ENTRY_ATTR_START,

    /**
     * @brief Version number of the flow state
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_VERSION,

    /**
     * @brief Direction of the traffic matched by the flow
     *
     * @type sai_dash_direction_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_DIRECTION_INVALID
     */
    SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION,

    /**
     * @brief Packet transformations applied to the flow, as a bit mask
     *
     * @type sai_dash_flow_action_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_FLOW_ACTION_NONE
     */
    SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION,

    /**
     * @brief Meter class charged for the traffic of the flow
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_METER_CLASS,

    /**
     * @brief True when the flow has no reverse direction entry
     *
     * @type bool
     * @flags CREATE_AND_SET
     * @default false
     */
    SAI_FLOW_ENTRY_ATTR_IS_UNIDIRECTIONAL_FLOW,

    /**
     * @brief ENI MAC address in the key of the reverse flow
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_ENI_MAC,

    /**
     * @brief VNET number in the key of the reverse flow
     *
     * @type sai_uint16_t
     * @flags CREATE_AND_SET
     * @isvlan true
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_VNET_ID,

    /**
     * @brief IP protocol number in the key of the reverse flow
     *
     * @type sai_uint8_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_IP_PROTO,

    /**
     * @brief Source address in the key of the reverse flow
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_IP,

    /**
     * @brief Destination address in the key of the reverse flow
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_DST_IP,

    /**
     * @brief L4 source port in the key of the reverse flow
     *
     * @type sai_uint16_t
     * @flags CREATE_AND_SET
     * @isvlan true
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_PORT,

    /**
     * @brief L4 destination port in the key of the reverse flow
     *
     * @type sai_uint16_t
     * @flags CREATE_AND_SET
     * @isvlan true
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_DST_PORT,

    /**
     * @brief Virtual network identifier put on the first underlay encapsulation
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY0_VNET_ID,

    /**
     * @brief Outer source address of the first underlay encapsulation
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP,

    /**
     * @brief Outer destination address of the first underlay encapsulation
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DIP,

    /**
     * @brief Tunnel type of the first underlay encapsulation
     *
     * @type sai_dash_encapsulation_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_ENCAPSULATION_INVALID
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DASH_ENCAPSULATION,

    /**
     * @brief Virtual network identifier put on the second underlay encapsulation
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY1_VNET_ID,

    /**
     * @brief Outer source address of the second underlay encapsulation
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY1_SIP,

    /**
     * @brief Outer destination address of the second underlay encapsulation
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY1_DIP,

    /**
     * @brief Outer source MAC address of the second underlay encapsulation
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY1_SMAC,

    /**
     * @brief Outer destination MAC address of the second underlay encapsulation
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY1_DMAC,

    /**
     * @brief Tunnel type of the second underlay encapsulation
     *
     * @type sai_dash_encapsulation_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_ENCAPSULATION_INVALID
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY1_DASH_ENCAPSULATION,

    /**
     * @brief Destination MAC address written into the overlay packet
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_FLOW_ENTRY_ATTR_DST_MAC,

    /**
     * @brief Source address written into the overlay packet
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_SIP,

    /**
     * @brief Destination address written into the overlay packet
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_DIP,

    /**
     * @brief Mask selecting which source address bits are rewritten
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_SIP_MASK,

    /**
     * @brief Mask selecting which destination address bits are rewritten
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_ATTR_DIP_MASK,

    /**
     * @brief Opaque vendor data stored with the flow
     *
     * @type sai_u8_list_t
     * @flags CREATE_AND_SET
     * @default empty
     */
    SAI_FLOW_ENTRY_ATTR_VENDOR_METADATA,

    /**
     * @brief Complete flow state encoded as a protocol buffer message
     *
     * @type sai_u8_list_t
     * @flags CREATE_AND_SET
     * @default empty
     */
    SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB,

    /**
     * @brief Address family of the flow, used to count resources per family
     *
     * @type sai_ip_addr_family_t
     * @flags READ_ONLY
     * @isresourcetype true
     */
    SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY,

    /**
     * @brief High availability synchronization state of the flow
     *
     * @type sai_dash_flow_sync_state_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_FLOW_SYNC_STATE_FLOW_MISS
     */
    SAI_FLOW_ENTRY_ATTR_DASH_FLOW_SYNC_STATE,

    /**
     * @brief Outer source MAC address of the first underlay encapsulation
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SMAC,

    /**
     * @brief Outer destination MAC address of the first underlay encapsulation
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DMAC,

    /**
     * @brief Marks the end of the flow entry attribute ids
     */
    SAI_FLOW_ENTRY_ATTR_END,

    /** First id reserved for vendor flow entry attributes */
    SAI_FLOW_ENTRY_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** Marks the end of the vendor flow entry attribute ids */
    SAI_FLOW_ENTRY_ATTR_CUSTOM_RANGE_END,

} sai_flow_entry_attr_t;

/**
 * @brief Attributes of a flow bulk get session filter
 */
typedef enum _sai_flow_entry_bulk_get_session_filter_attr_t
{
    /**
     * @brief Marks the first flow bulk get session filter attribute id
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_START,

    /**
     * @brief Flow property the filter compares
     *
     * @type sai_dash_flow_entry_bulk_get_session_filter_key_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_INVALID
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY = SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_START,

    /**
     * @brief Comparison the filter applies
     *
     * @type sai_dash_flow_entry_bulk_get_session_op_key_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY_FILTER_OP_INVALID
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_OP_KEY,

    /**
     * @brief Number the property is compared with, for numeric properties
     *
     * @type sai_uint64_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_INT_VALUE,

    /**
     * @brief Address the property is compared with, for address properties
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_IP_VALUE,

    /**
     * @brief MAC address the property is compared with, for MAC properties
     *
     * @type sai_mac_t
     * @flags CREATE_AND_SET
     * @default vendor
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_MAC_VALUE,

    /**
     * @brief Marks the end of the flow bulk get session filter attribute ids
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_END,

    /** First id reserved for vendor flow bulk get session filter attributes */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** Marks the end of the vendor flow bulk get session filter attribute ids */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_CUSTOM_RANGE_END,

} sai_flow_entry_bulk_get_session_filter_attr_t;

/**
 * @brief Attributes of a flow bulk get session
 */
typedef enum _sai_flow_entry_bulk_get_session_attr_t
{
    /**
     * @brief Marks the first flow bulk get session attribute id
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_START,

    /**
     * @brief How the session delivers the flows it collects
     *
     * @type sai_dash_flow_entry_bulk_get_session_mode_t
     * @flags CREATE_AND_SET
     * @default SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE_GRPC
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_MODE = SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_START,

    /**
     * @brief Largest number of flow entries the session returns
     *
     * @type sai_uint32_t
     * @flags CREATE_AND_SET
     * @default 0
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_BULK_GET_ENTRY_LIMITATION,

    /**
     * @brief Address of the gRPC server that receives the flows
     *
     * @type sai_ip_address_t
     * @flags CREATE_AND_SET
     * @default 0.0.0.0
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_BULK_GET_SESSION_SERVER_IP,

    /**
     * @brief TCP port of the gRPC server that receives the flows
     *
     * @type sai_uint16_t
     * @flags CREATE_AND_SET
     * @isvlan true
     * @default 0
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_BULK_GET_SESSION_SERVER_PORT,

    /**
     * @brief Filter number one that a flow must pass
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIRST_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID,

    /**
     * @brief Filter number two that a flow must pass
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_SECOND_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID,

    /**
     * @brief Filter number three that a flow must pass
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_THIRD_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID,

    /**
     * @brief Filter number four that a flow must pass
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FOURTH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID,

    /**
     * @brief Filter number five that a flow must pass
     *
     * @type sai_object_id_t
     * @flags CREATE_AND_SET
     * @objects SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER
     * @allownull true
     * @default SAI_NULL_OBJECT_ID
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_FIFTH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ID,

    /**
     * @brief Marks the end of the flow bulk get session attribute ids
     */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_END,

    /** First id reserved for vendor flow bulk get session attributes */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** Marks the end of the vendor flow bulk get session attribute ids */
    SAI_FLOW_ENTRY_BULK_GET_SESSION_ATTR_CUSTOM_RANGE_END,

} sai_flow_entry_bulk_get_session_attr_t;

/**
 * @brief Create a flow table
 *
 * @param[out] flow_table_id Id of the new flow table
 * @param[in] switch_id Switch that owns the flow table
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Attributes of the new flow table
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_create_flow_table_fn)(
        _Out_ sai_object_id_t *flow_table_id,
        _In_ sai_object_id_t switch_id,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list);

/**
 * @brief Remove a flow table
 *
 * @param[in] flow_table_id Id of the flow table to remove
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_remove_flow_table_fn)(
        _In_ sai_object_id_t flow_table_id);

/**
 * @brief Change one attribute of a flow table
 *
 * @param[in] flow_table_id Id of the flow table to change
 * @param[in] attr New attribute value
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_set_flow_table_attribute_fn)(
        _In_ sai_object_id_t flow_table_id,
        _In_ const sai_attribute_t *attr);

/**
 * @brief Read attributes of a flow table
 *
 * @param[in] flow_table_id Id of the flow table to read
 * @param[in] attr_count Length of attr_list
 * @param[inout] attr_list Attributes to fill
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_flow_table_attribute_fn)(
        _In_ sai_object_id_t flow_table_id,
        _In_ uint32_t attr_count,
        _Inout_ sai_attribute_t *attr_list);

/**
 * @brief Create a flow entry
 *
 * @param[in] flow_entry Key of the new flow entry
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Attributes of the new flow entry
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_create_flow_entry_fn)(
        _In_ const sai_flow_entry_t *flow_entry,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list);

/**
 * @brief Remove a flow entry
 *
 * @param[in] flow_entry Key of the flow entry to remove
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_remove_flow_entry_fn)(
        _In_ const sai_flow_entry_t *flow_entry);

/**
 * @brief Change one attribute of a flow entry
 *
 * @param[in] flow_entry Key of the flow entry to change
 * @param[in] attr New attribute value
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_set_flow_entry_attribute_fn)(
        _In_ const sai_flow_entry_t *flow_entry,
        _In_ const sai_attribute_t *attr);

/**
 * @brief Read attributes of a flow entry
 *
 * @param[in] flow_entry Key of the flow entry to read
 * @param[in] attr_count Length of attr_list
 * @param[inout] attr_list Attributes to fill
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_flow_entry_attribute_fn)(
        _In_ const sai_flow_entry_t *flow_entry,
        _In_ uint32_t attr_count,
        _Inout_ sai_attribute_t *attr_list);

/**
 * @brief Create several flow entries in one call
 *
 * @param[in] object_count How many entries to create
 * @param[in] flow_entry Keys of the new entries
 * @param[in] attr_count Per entry, the length of its attribute list
 * @param[in] attr_list Per entry, its attribute list
 * @param[in] mode Reaction to a failing item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_create_flow_entry_fn)(
        _In_ uint32_t object_count,
        _In_ const sai_flow_entry_t *flow_entry,
        _In_ const uint32_t *attr_count,
        _In_ const sai_attribute_t **attr_list,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Remove several flow entries in one call
 *
 * @param[in] object_count How many entries to remove
 * @param[in] flow_entry Keys of the entries to remove
 * @param[in] mode Reaction to a failing item
 * @param[out] object_statuses Result of every item, allocated by the caller
 *
 * @return #SAI_STATUS_SUCCESS when every item succeeded, otherwise a failure
 * code; the per item results tell which items failed
 */
typedef sai_status_t (*sai_bulk_remove_flow_entry_fn)(
        _In_ uint32_t object_count,
        _In_ const sai_flow_entry_t *flow_entry,
        _In_ sai_bulk_op_error_mode_t mode,
        _Out_ sai_status_t *object_statuses);

/**
 * @brief Create a flow bulk get session filter
 *
 * @param[out] flow_entry_bulk_get_session_filter_id Id of the new flow bulk get session filter
 * @param[in] switch_id Switch that owns the flow bulk get session filter
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Attributes of the new flow bulk get session filter
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_create_flow_entry_bulk_get_session_filter_fn)(
        _Out_ sai_object_id_t *flow_entry_bulk_get_session_filter_id,
        _In_ sai_object_id_t switch_id,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list);

/**
 * @brief Remove a flow bulk get session filter
 *
 * @param[in] flow_entry_bulk_get_session_filter_id Id of the flow bulk get session filter to remove
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_remove_flow_entry_bulk_get_session_filter_fn)(
        _In_ sai_object_id_t flow_entry_bulk_get_session_filter_id);

/**
 * @brief Change one attribute of a flow bulk get session filter
 *
 * @param[in] flow_entry_bulk_get_session_filter_id Id of the flow bulk get session filter to change
 * @param[in] attr New attribute value
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_set_flow_entry_bulk_get_session_filter_attribute_fn)(
        _In_ sai_object_id_t flow_entry_bulk_get_session_filter_id,
        _In_ const sai_attribute_t *attr);

/**
 * @brief Read attributes of a flow bulk get session filter
 *
 * @param[in] flow_entry_bulk_get_session_filter_id Id of the flow bulk get session filter to read
 * @param[in] attr_count Length of attr_list
 * @param[inout] attr_list Attributes to fill
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_flow_entry_bulk_get_session_filter_attribute_fn)(
        _In_ sai_object_id_t flow_entry_bulk_get_session_filter_id,
        _In_ uint32_t attr_count,
        _Inout_ sai_attribute_t *attr_list);

/**
 * @brief Create a flow bulk get session
 *
 * @param[out] flow_entry_bulk_get_session_id Id of the new flow bulk get session
 * @param[in] switch_id Switch that owns the flow bulk get session
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Attributes of the new flow bulk get session
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_create_flow_entry_bulk_get_session_fn)(
        _Out_ sai_object_id_t *flow_entry_bulk_get_session_id,
        _In_ sai_object_id_t switch_id,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list);

/**
 * @brief Remove a flow bulk get session
 *
 * @param[in] flow_entry_bulk_get_session_id Id of the flow bulk get session to remove
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_remove_flow_entry_bulk_get_session_fn)(
        _In_ sai_object_id_t flow_entry_bulk_get_session_id);

/**
 * @brief Change one attribute of a flow bulk get session
 *
 * @param[in] flow_entry_bulk_get_session_id Id of the flow bulk get session to change
 * @param[in] attr New attribute value
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_set_flow_entry_bulk_get_session_attribute_fn)(
        _In_ sai_object_id_t flow_entry_bulk_get_session_id,
        _In_ const sai_attribute_t *attr);

/**
 * @brief Read attributes of a flow bulk get session
 *
 * @param[in] flow_entry_bulk_get_session_id Id of the flow bulk get session to read
 * @param[in] attr_count Length of attr_list
 * @param[inout] attr_list Attributes to fill
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
typedef sai_status_t (*sai_get_flow_entry_bulk_get_session_attribute_fn)(
        _In_ sai_object_id_t flow_entry_bulk_get_session_id,
        _In_ uint32_t attr_count,
        _Inout_ sai_attribute_t *attr_list);

/**
 * @brief DASH flow functions returned by sai_api_query() for #SAI_API_DASH_FLOW
 */
typedef struct _sai_dash_flow_api_t
{
    sai_create_flow_table_fn                                   create_flow_table;
    sai_remove_flow_table_fn                                   remove_flow_table;
    sai_set_flow_table_attribute_fn                            set_flow_table_attribute;
    sai_get_flow_table_attribute_fn                            get_flow_table_attribute;
    sai_bulk_object_create_fn                                  create_flow_tables;
    sai_bulk_object_remove_fn                                  remove_flow_tables;

    sai_create_flow_entry_fn                                   create_flow_entry;
    sai_remove_flow_entry_fn                                   remove_flow_entry;
    sai_set_flow_entry_attribute_fn                            set_flow_entry_attribute;
    sai_get_flow_entry_attribute_fn                            get_flow_entry_attribute;
    sai_bulk_create_flow_entry_fn                              create_flow_entries;
    sai_bulk_remove_flow_entry_fn                              remove_flow_entries;

    sai_create_flow_entry_bulk_get_session_filter_fn           create_flow_entry_bulk_get_session_filter;
    sai_remove_flow_entry_bulk_get_session_filter_fn           remove_flow_entry_bulk_get_session_filter;
    sai_set_flow_entry_bulk_get_session_filter_attribute_fn    set_flow_entry_bulk_get_session_filter_attribute;
    sai_get_flow_entry_bulk_get_session_filter_attribute_fn    get_flow_entry_bulk_get_session_filter_attribute;
    sai_bulk_object_create_fn                                  create_flow_entry_bulk_get_session_filters;
    sai_bulk_object_remove_fn                                  remove_flow_entry_bulk_get_session_filters;

    sai_create_flow_entry_bulk_get_session_fn                  create_flow_entry_bulk_get_session;
    sai_remove_flow_entry_bulk_get_session_fn                  remove_flow_entry_bulk_get_session;
    sai_set_flow_entry_bulk_get_session_attribute_fn           set_flow_entry_bulk_get_session_attribute;
    sai_get_flow_entry_bulk_get_session_attribute_fn           get_flow_entry_bulk_get_session_attribute;
    sai_bulk_object_create_fn                                  create_flow_entry_bulk_get_sessions;
    sai_bulk_object_remove_fn                                  remove_flow_entry_bulk_get_sessions;

} sai_dash_flow_api_t;

/**
 * @}
 */
#endif /** __SAIEXPERIMENTALDASHFLOW_H_ */
