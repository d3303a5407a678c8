/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saiswitchextensions.h
 *
 * @brief   Switch extension attributes, DASH capabilities and DASH notifications
 *
 * The attributes after #SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY
 * are additions of this header set (DASH flow capabilities) and are not
 * part of the SAI specification.
 */

#ifndef __SAISWITCHEXTENSIONS_H_
#define __SAISWITCHEXTENSIONS_H_

#include <saiswitch.h>
#include <saitypesextensions.h>
#include <saiexperimentaldashflow.h>

/**
 * @brief Granularity at which DASH high availability scopes can be defined
 */
typedef enum _sai_dash_caps_ha_scope_level_t
{
    /** One scope for the whole card */
    SAI_DASH_CAPS_HA_SCOPE_LEVEL_CARD,

    /** One scope per ENI */
    SAI_DASH_CAPS_HA_SCOPE_LEVEL_ENI,
} sai_dash_caps_ha_scope_level_t;

/**
 * @brief Events reported for a high availability set
 */
typedef enum _sai_ha_set_event_t
{
    /** The data plane channel to the peer came up */
    SAI_HA_SET_EVENT_DP_CHANNEL_UP,

    /** The data plane channel to the peer went down */
    SAI_HA_SET_EVENT_DP_CHANNEL_DOWN,

} sai_ha_set_event_t;

/**
 * @brief One high availability set event
 */
typedef struct _sai_ha_set_event_data_t
{
    /** What happened */
    sai_ha_set_event_t event_type;

    /** High availability set the event is about */
    sai_object_id_t ha_set_id;

} sai_ha_set_event_data_t;

/**
 * @brief Delivers high availability set events
 *
 * Registered through #SAI_SWITCH_ATTR_HA_SET_EVENT_NOTIFY.
 *
 * @count data[count]
 *
 * @param[in] count Number of events in data
 * @param[in] data The events
 */
typedef void (*sai_ha_set_event_notification_fn)(
        _In_ uint32_t count,
        _In_ const sai_ha_set_event_data_t *data);

/**
 * @brief Events reported for a high availability scope
 */
typedef enum _sai_ha_scope_event_t
{
    /** The state of the scope changed */
    SAI_HA_SCOPE_EVENT_STATE_CHANGED,

    /** Flows of the scope must be reconciled */
    SAI_HA_SCOPE_EVENT_FLOW_RECONCILE_NEEDED,

    /** Both peers act as active (split brain) */
    SAI_HA_SCOPE_EVENT_SPLIT_BRAIN_DETECTED,
} sai_ha_scope_event_t;

/**
 * @brief One high availability scope event
 */
typedef struct _sai_ha_scope_event_data_t
{
    /** What happened */
    sai_ha_scope_event_t event_type;

    /** High availability scope the event is about */
    sai_object_id_t ha_scope_id;

    /** Role of the scope */
    sai_dash_ha_role_t ha_role;

    /** Version of the flows of the scope */
    sai_uint32_t flow_version;

    /** State of the scope */
    sai_dash_ha_state_t ha_state;

} sai_ha_scope_event_data_t;

/**
 * @brief Delivers high availability scope events
 *
 * Registered through #SAI_SWITCH_ATTR_HA_SCOPE_EVENT_NOTIFY.
 *
 * @count data[count]
 *
 * @param[in] count Number of events in data
 * @param[in] data The events
 */
typedef void (*sai_ha_scope_event_notification_fn)(
        _In_ uint32_t count,
        _In_ const sai_ha_scope_event_data_t *data);

/**
 * @brief Events reported by a flow bulk get session
 */
typedef enum _sai_flow_bulk_get_session_event_t
{
    /** The session has delivered everything */
    SAI_FLOW_BULK_GET_SESSION_EVENT_FINISHED,

    /** One flow entry is delivered */
    SAI_FLOW_BULK_GET_SESSION_EVENT_FLOW_ENTRY,

} sai_flow_bulk_get_session_event_t;

/**
 * @brief One flow bulk get session event
 *
 * @count attr[attr_count]
 */
typedef struct _sai_flow_bulk_get_session_event_data_t
{
    /** Key of the delivered flow; meaningless for a FINISHED event */
    sai_flow_entry_t flow_entry;

    /** Number of attributes in attr */
    uint32_t attr_count;

    /**
     * @brief What happened
     *
     * A FINISHED event carries no flow: attr is NULL. A FLOW_ENTRY event
     * carries the flow key and its attributes.
     */
    sai_flow_bulk_get_session_event_t event_type;

    /**
     * @brief Attributes of the delivered flow
     *
     * @objects SAI_OBJECT_TYPE_FLOW_ENTRY
     */
    sai_attribute_t *attr;

} sai_flow_bulk_get_session_event_data_t;

/**
 * @brief Delivers the results of a flow bulk get session
 *
 * Registered through #SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY.
 *
 * @count data[count]
 *
 * @param[in] flow_bulk_session_id Session that produced the events
 * @param[in] count Number of events in data
 * @param[in] data The events
 */
typedef void (*sai_flow_bulk_get_session_event_notification_fn)(
        _In_ sai_object_id_t flow_bulk_session_id,
        _In_ uint32_t count,
        _In_ const sai_flow_bulk_get_session_event_data_t *data);

/**
 * @brief Switch attributes added by the extension headers
 *
 * @flags free
 */
typedef enum _sai_switch_attr_extensions_t
{
    SAI_SWITCH_ATTR_EXTENSIONS_RANGE_START = SAI_SWITCH_ATTR_EXTENSIONS_RANGE_BASE,

    /**
     * @brief Largest number of meter buckets one ENI can have
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_MAX_METER_BUCKET_COUNT_PER_ENI = SAI_SWITCH_ATTR_EXTENSIONS_RANGE_START,

    /**
     * @brief Granularity at which high availability scopes can be defined
     *
     * @type sai_dash_caps_ha_scope_level_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_HA_SCOPE_LEVEL,

    /**
     * @brief Whether the host has to drive the high availability state machine
     *
     * False means the implementation runs the state machine by itself.
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_HA_OWNER_NEEDED,

    /**
     * @brief Callback for high availability set events
     *
     * The callback has the type sai_ha_set_event_notification_fn.
     *
     * @type sai_pointer_t sai_ha_set_event_notification_fn
     * @flags CREATE_AND_SET
     * @default NULL
     */
    SAI_SWITCH_ATTR_HA_SET_EVENT_NOTIFY,

    /**
     * @brief Callback for high availability scope events
     *
     * The callback has the type sai_ha_scope_event_notification_fn.
     *
     * @type sai_pointer_t sai_ha_scope_event_notification_fn
     * @flags CREATE_AND_SET
     * @default NULL
     */
    SAI_SWITCH_ATTR_HA_SCOPE_EVENT_NOTIFY,

    /**
     * @brief Callback for flow bulk get session events
     *
     * The callback has the type sai_flow_bulk_get_session_event_notification_fn.
     *
     * @type sai_pointer_t sai_flow_bulk_get_session_event_notification_fn
     * @flags CREATE_AND_SET
     * @default NULL
     */
    SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY,

    /**
     * @brief Largest number of flow tables that can be created
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_TABLE_COUNT,

    /**
     * @brief Largest number of flow entries over all flow tables together
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type sai_uint32_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_ENTRY_COUNT,

    /**
     * @brief Flow key fields a flow table may enable, as a bit mask
     *
     * Addition of this header set, not in the SAI specification. The value
     * is the bitwise OR of the usable sai_dash_flow_enabled_key_t bits.
     *
     * @type sai_dash_flow_enabled_key_t
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY,

    /**
     * @brief Whether flow bulk get sessions are supported
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_BULK_GET_SESSION,

    /**
     * @brief Whether flow entries without a reverse direction are supported
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_UNIDIRECTIONAL_FLOW_ENTRY,

    /**
     * @brief Whether the host may create flow entries
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_FLOW_CREATE,

    /**
     * @brief Whether the host may remove flow entries
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_FLOW_REMOVE,

    /**
     * @brief Whether the host may change attributes of flow entries
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_FLOW_SET,

    /**
     * @brief Whether the host may read attributes of flow entries
     *
     * Addition of this header set, not in the SAI specification.
     *
     * @type bool
     * @flags READ_ONLY
     */
    SAI_SWITCH_ATTR_DASH_CAPS_FLOW_GET,

    SAI_SWITCH_ATTR_EXTENSIONS_RANGE_END

} sai_switch_attr_extensions_t;

#endif /* __SAISWITCHEXTENSIONS_H_ */
