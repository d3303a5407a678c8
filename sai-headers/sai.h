/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    sai.h
 *
 * @brief   Entry points of the SAI library and the list of API families
 */

#if !defined (__SAI_H_)
#define __SAI_H_

#include "saiacl.h"
#include "saistatus.h"
#include "saiswitch.h"
#include "saitypes.h"

/**
 * @defgroup SAI SAI - Library entry points
 *
 * @{
 */

/**
 * @brief Identifies a family of functions obtained with sai_api_query()
 *
 * The numbers are fixed. A family whose function table changes gets a new
 * number instead of reusing the old one.
 */
typedef enum _sai_api_t
{
    SAI_API_UNSPECIFIED = 0, /**< no API selected */
    SAI_API_SWITCH = 1,
    SAI_API_PORT = 2,
    SAI_API_FDB = 3,
    SAI_API_VLAN = 4,
    SAI_API_VIRTUAL_ROUTER = 5,
    SAI_API_ROUTE = 6,
    SAI_API_NEXT_HOP = 7,
    SAI_API_NEXT_HOP_GROUP = 8,
    SAI_API_ROUTER_INTERFACE = 9,
    SAI_API_NEIGHBOR = 10,
    SAI_API_ACL = 11,
    SAI_API_HOSTIF = 12,
    SAI_API_MIRROR = 13,
    SAI_API_SAMPLEPACKET = 14,
    SAI_API_STP = 15,
    SAI_API_LAG = 16,
    SAI_API_POLICER = 17,
    SAI_API_WRED = 18,
    SAI_API_QOS_MAP = 19,
    SAI_API_QUEUE = 20,
    SAI_API_SCHEDULER = 21,
    SAI_API_SCHEDULER_GROUP = 22,
    SAI_API_BUFFER = 23,
    SAI_API_HASH = 24,
    SAI_API_UDF = 25,
    SAI_API_TUNNEL = 26,
    SAI_API_L2MC = 27,
    SAI_API_IPMC = 28,
    SAI_API_RPF_GROUP = 29,
    SAI_API_L2MC_GROUP = 30,
    SAI_API_IPMC_GROUP = 31,
    SAI_API_MCAST_FDB = 32,
    SAI_API_BRIDGE = 33,
    SAI_API_TAM = 34,
    SAI_API_SRV6 = 35,
    SAI_API_MPLS = 36,
    SAI_API_DTEL = 37,
    SAI_API_BFD = 38,
    SAI_API_ISOLATION_GROUP = 39,
    SAI_API_NAT = 40,
    SAI_API_COUNTER = 41,
    SAI_API_DEBUG_COUNTER = 42,
    SAI_API_MACSEC = 43,
    SAI_API_SYSTEM_PORT = 44,
    SAI_API_MY_MAC = 45,
    SAI_API_IPSEC = 46,
    SAI_API_GENERIC_PROGRAMMABLE = 47,
    SAI_API_ARS = 48,
    SAI_API_ARS_PROFILE = 49,
    SAI_API_TWAMP = 50,
    SAI_API_POE = 51,
    SAI_API_ICMP_ECHO = 52,
    SAI_API_PREFIX_COMPRESSION = 53,
    SAI_API_SYNCE = 54,
    SAI_API_VIRTUAL_CHANNEL = 55,
    SAI_API_PERFMON = 56,

    /** Keep this entry after the last core API */
    SAI_API_MAX,

    /**
     * @brief First value reserved for vendor API families
     */
    SAI_API_CUSTOM_RANGE_BASE = 0x10000000,

    /**
     * @brief First value of the experimental API families in saiextensions.h
     */
    SAI_API_EXTENSIONS_RANGE_BASE = 0x20000000,
} sai_api_t;

/**
 * @brief Severity threshold for library logging
 */
typedef enum _sai_log_level_t
{
    /** Everything, including debugging output */
    SAI_LOG_LEVEL_DEBUG = 0,

    /** Informational messages and above */
    SAI_LOG_LEVEL_INFO = 1,

    /** Notable events and above */
    SAI_LOG_LEVEL_NOTICE = 2,

    /** Warnings and above */
    SAI_LOG_LEVEL_WARN = 3,

    /** Errors and above */
    SAI_LOG_LEVEL_ERROR = 4,

    /** Critical errors only */
    SAI_LOG_LEVEL_CRITICAL = 5

} sai_log_level_t;

/**
 * @brief Looks up one profile variable for the library
 *
 * @param[in] profile_id Profile to read from
 * @param[in] variable Name of the variable
 *
 * @return The value, or NULL when the variable is not set
 */
typedef const char* (*sai_profile_get_value_fn)(
        _In_ sai_switch_profile_id_t profile_id,
        _In_ const char *variable);

/**
 * @brief Walks through all variables of a profile
 *
 * @param[in] profile_id Profile to read from
 * @param[out] variable Name of the next variable
 * @param[out] value Value of the next variable
 *
 * @return 0 while a variable was returned, -1 after the last one
 */
typedef int (*sai_profile_get_next_value_fn)(
        _In_ sai_switch_profile_id_t profile_id,
        _Out_ const char **variable,
        _Out_ const char **value);

/**
 * @brief Services the host offers to the library
 */
typedef struct _sai_service_method_table_t
{
    /**
     * @brief Reads one profile variable by name
     */
    sai_profile_get_value_fn        profile_get_value;

    /**
     * @brief Iterates over the profile variables
     *
     * Passing a pointer to NULL as variable starts again from the first one.
     */
    sai_profile_get_next_value_fn   profile_get_next_value;

} sai_service_method_table_t;

/**
 * @brief Prepares the library for use
 *
 * This does not bring up the switch hardware; creating a switch does.
 *
 * @param[in] flags Reserved, pass zero
 * @param[in] services Services the host offers to the library
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
sai_status_t sai_api_initialize(
        _In_ uint64_t flags,
        _In_ const sai_service_method_table_t *services);

/**
 * @brief Returns the function table of one API family
 *
 * @param[in] api Wanted API family
 * @param[out] api_method_table Receives a pointer to the table, which stays
 * valid until sai_api_uninitialize()
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
sai_status_t sai_api_query(
        _In_ sai_api_t api,
        _Out_ void **api_method_table);

/**
 * @brief Shuts the library down; function tables must not be used afterwards
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
sai_status_t sai_api_uninitialize(void);

/**
 * @brief Chooses the logging threshold of one API family
 *
 * Until changed the threshold is #SAI_LOG_LEVEL_WARN.
 *
 * @param[in] api API family
 * @param[in] log_level New threshold
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
sai_status_t sai_log_set(
        _In_ sai_api_t api,
        _In_ sai_log_level_t log_level);

/**
 * @brief Tells the object type encoded in an object id
 *
 * @param[in] object_id Object id to inspect
 *
 * @return The object type, or #SAI_OBJECT_TYPE_NULL for an invalid id
 */
sai_object_type_t sai_object_type_query(
        _In_ sai_object_id_t object_id);

/**
 * @brief Tells which switch an object id belongs to
 *
 * @param[in] object_id Object id to inspect
 *
 * @return The switch object id (a switch id maps to itself), or
 * #SAI_NULL_OBJECT_ID for an invalid id
 */
sai_object_id_t sai_switch_id_query(
        _In_ sai_object_id_t object_id);

/**
 * @brief Writes library and vendor state to a file for debugging
 *
 * @param[in] dump_file_name Path of the file to write
 *
 * @return #SAI_STATUS_SUCCESS on success, a failure code otherwise
 */
sai_status_t sai_dbg_generate_dump(
        _In_ const char *dump_file_name);

/**
 * @brief Tells how many more objects of a type can be created
 *
 * @param[in] switch_id Switch to ask
 * @param[in] object_type Object type to count
 * @param[in] attr_count Length of attr_list
 * @param[in] attr_list Resource type attributes that narrow the question
 * @param[out] count Number of objects that can still be created
 *
 * @return #SAI_STATUS_SUCCESS on success, #SAI_STATUS_NOT_SUPPORTED when the
 * object type has no resource accounting
 */
sai_status_t sai_object_type_get_availability(
        _In_ sai_object_id_t switch_id,
        _In_ sai_object_type_t object_type,
        _In_ uint32_t attr_count,
        _In_ const sai_attribute_t *attr_list,
        _Out_ uint64_t *count);

/**
 * @}
 */
#endif /** __SAI_H_ */
