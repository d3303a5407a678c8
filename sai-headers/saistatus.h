/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saistatus.h
 *
 * @brief   Result codes returned by SAI functions
 */

#if !defined (__SAISTATUS_H_)
#define __SAISTATUS_H_

/**
 * @defgroup SAISTATUS SAI - Result codes
 *
 * @{
 */

#ifdef _WIN32

#define SAI_STATUS_CODE(_S_)    ((sai_status_t)(_S_))

#else

/**
 * @brief Turns a positive code number into the negative value returned on this platform
 */
#define SAI_STATUS_CODE(_S_)    (-(_S_))

#endif

/**
 * @brief The operation completed
 */
#define SAI_STATUS_SUCCESS                                          0x00000000L

/**
 * @brief Unspecified error
 */
#define SAI_STATUS_FAILURE                          SAI_STATUS_CODE(0x00000001L)

/**
 * @brief The implementation does not offer this request
 */
#define SAI_STATUS_NOT_SUPPORTED                    SAI_STATUS_CODE(0x00000002L)

/**
 * @brief Memory could not be allocated
 */
#define SAI_STATUS_NO_MEMORY                        SAI_STATUS_CODE(0x00000003L)

/**
 * @brief System resources are exhausted
 */
#define SAI_STATUS_INSUFFICIENT_RESOURCES           SAI_STATUS_CODE(0x00000004L)

/**
 * @brief A function argument is not acceptable
 */
#define SAI_STATUS_INVALID_PARAMETER                SAI_STATUS_CODE(0x00000005L)

/**
 * @brief The object to create is already present
 */
#define SAI_STATUS_ITEM_ALREADY_EXISTS              SAI_STATUS_CODE(0x00000006L)

/**
 * @brief The object addressed by the request does not exist
 */
#define SAI_STATUS_ITEM_NOT_FOUND                   SAI_STATUS_CODE(0x00000007L)

/**
 * @brief A caller supplied buffer is too small for the result
 */
#define SAI_STATUS_BUFFER_OVERFLOW                  SAI_STATUS_CODE(0x00000008L)

/**
 * @brief The port number is not valid
 */
#define SAI_STATUS_INVALID_PORT_NUMBER              SAI_STATUS_CODE(0x00000009L)

/**
 * @brief The port member is not valid
 */
#define SAI_STATUS_INVALID_PORT_MEMBER              SAI_STATUS_CODE(0x0000000AL)

/**
 * @brief The VLAN number is not valid
 */
#define SAI_STATUS_INVALID_VLAN_ID                  SAI_STATUS_CODE(0x0000000BL)

/**
 * @brief The object has not been initialized yet
 */
#define SAI_STATUS_UNINITIALIZED                    SAI_STATUS_CODE(0x0000000CL)

/**
 * @brief No room is left in the table
 */
#define SAI_STATUS_TABLE_FULL                       SAI_STATUS_CODE(0x0000000DL)

/**
 * @brief A required attribute was not supplied
 */
#define SAI_STATUS_MANDATORY_ATTRIBUTE_MISSING      SAI_STATUS_CODE(0x0000000EL)

/**
 * @brief The function exists but has no implementation
 */
#define SAI_STATUS_NOT_IMPLEMENTED                  SAI_STATUS_CODE(0x0000000FL)

/**
 * @brief The address could not be found
 */
#define SAI_STATUS_ADDR_NOT_FOUND                   SAI_STATUS_CODE(0x00000010L)

/**
 * @brief The object is still referenced and cannot be removed
 */
#define SAI_STATUS_OBJECT_IN_USE                    SAI_STATUS_CODE(0x00000011L)

/**
 * @brief An object id argument has the wrong object type
 *
 * Object ids inside attribute values report #SAI_STATUS_INVALID_ATTR_VALUE_0
 * instead.
 */
#define SAI_STATUS_INVALID_OBJECT_TYPE              SAI_STATUS_CODE(0x00000012L)

/**
 * @brief An object id argument has the right type but names no live object
 */
#define SAI_STATUS_INVALID_OBJECT_ID                SAI_STATUS_CODE(0x00000013L)

/**
 * @brief Non-volatile storage is damaged or unusable
 */
#define SAI_STATUS_INVALID_NV_STORAGE               SAI_STATUS_CODE(0x00000014L)

/**
 * @brief Non-volatile storage has no space left
 */
#define SAI_STATUS_NV_STORAGE_FULL                  SAI_STATUS_CODE(0x00000015L)

/**
 * @brief Software versions do not match during an in-service upgrade
 */
#define SAI_STATUS_SW_UPGRADE_VERSION_MISMATCH      SAI_STATUS_CODE(0x00000016L)

/**
 * @brief The item was skipped and not attempted
 */
#define SAI_STATUS_NOT_EXECUTED                     SAI_STATUS_CODE(0x00000017L)

/**
 * @brief The objects belong to different pipeline stages
 */
#define SAI_STATUS_STAGE_MISMATCH                   SAI_STATUS_CODE(0x00000018L)

/**
 * @brief Attribute not allowed in this call, first code of a range
 *
 * The codes 0x00010000L to 0x0001FFFFL are used. The distance from this
 * code is the position of the attribute in the caller's list, e.g. a
 * READ_ONLY attribute in a create or a CREATE_ONLY attribute in a set.
 */
#define SAI_STATUS_INVALID_ATTRIBUTE_0              SAI_STATUS_CODE(0x00010000L)

/**
 * @brief Last code of the invalid attribute range
 */
#define SAI_STATUS_INVALID_ATTRIBUTE_MAX            SAI_STATUS_CODE(0x0001FFFFL)

/**
 * @brief Attribute value not acceptable, first code of a range
 *
 * The codes 0x00020000L to 0x0002FFFFL are used, indexed like
 * #SAI_STATUS_INVALID_ATTRIBUTE_0.
 */
#define SAI_STATUS_INVALID_ATTR_VALUE_0             SAI_STATUS_CODE(0x00020000L)

/**
 * @brief Last code of the invalid attribute value range
 */
#define SAI_STATUS_INVALID_ATTR_VALUE_MAX           SAI_STATUS_CODE(0x0002FFFFL)

/**
 * @brief Attribute known but not implemented here, first code of a range
 *
 * The codes 0x00030000L to 0x0003FFFFL are used, indexed like
 * #SAI_STATUS_INVALID_ATTRIBUTE_0.
 */
#define SAI_STATUS_ATTR_NOT_IMPLEMENTED_0           SAI_STATUS_CODE(0x00030000L)

/**
 * @brief Last code of the attribute not implemented range
 */
#define SAI_STATUS_ATTR_NOT_IMPLEMENTED_MAX         SAI_STATUS_CODE(0x0003FFFFL)

/**
 * @brief Attribute id not defined for the object, first code of a range
 *
 * The codes 0x00040000L to 0x0004FFFFL are used, indexed like
 * #SAI_STATUS_INVALID_ATTRIBUTE_0.
 */
#define SAI_STATUS_UNKNOWN_ATTRIBUTE_0              SAI_STATUS_CODE(0x00040000L)

/**
 * @brief Last code of the unknown attribute range
 */
#define SAI_STATUS_UNKNOWN_ATTRIBUTE_MAX            SAI_STATUS_CODE(0x0004FFFFL)

/**
 * @brief Attribute beyond the capabilities of the platform, first code of a range
 *
 * The codes 0x00050000L to 0x0005FFFFL are used, indexed like
 * #SAI_STATUS_INVALID_ATTRIBUTE_0.
 */
#define SAI_STATUS_ATTR_NOT_SUPPORTED_0             SAI_STATUS_CODE(0x00050000L)

/**
 * @brief Last code of the attribute not supported range
 */
#define SAI_STATUS_ATTR_NOT_SUPPORTED_MAX           SAI_STATUS_CODE(0x0005FFFFL)

/**
 * @brief True when x lies in the invalid attribute range
 */
#define SAI_STATUS_IS_INVALID_ATTRIBUTE(x)      ((SAI_STATUS_CODE(x) & (~0xFFFF)) == SAI_STATUS_CODE(SAI_STATUS_INVALID_ATTRIBUTE_0))

/**
 * @brief True when x lies in the invalid attribute value range
 */
#define SAI_STATUS_IS_INVALID_ATTR_VALUE(x)     ((SAI_STATUS_CODE(x) & (~0xFFFF)) == SAI_STATUS_CODE(SAI_STATUS_INVALID_ATTR_VALUE_0))

/**
 * @brief True when x lies in the attribute not implemented range
 */
#define SAI_STATUS_IS_ATTR_NOT_IMPLEMENTED(x)   ((SAI_STATUS_CODE(x) & (~0xFFFF)) == SAI_STATUS_CODE(SAI_STATUS_ATTR_NOT_IMPLEMENTED_0))

/**
 * @brief True when x lies in the unknown attribute range
 */
#define SAI_STATUS_IS_UNKNOWN_ATTRIBUTE(x)      ((SAI_STATUS_CODE(x) & (~0xFFFF)) == SAI_STATUS_CODE(SAI_STATUS_UNKNOWN_ATTRIBUTE_0))

/**
 * @brief True when x lies in the attribute not supported range
 */
#define SAI_STATUS_IS_ATTR_NOT_SUPPORTED(x)     ((SAI_STATUS_CODE(x) & (~0xFFFF)) == SAI_STATUS_CODE(SAI_STATUS_ATTR_NOT_SUPPORTED_0))

/**
 * @}
 */
#endif /** __SAISTATUS_H_ */
