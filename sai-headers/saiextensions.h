/**
 * Copyright (c) 2026 dashflow authors
 *
 *    SPDX-License-Identifier: Apache-2.0
 *
 *    Part of the dashflow SAI header set. Identifiers and numeric values
 *    follow the SAI specification; the prose is our own.
 *
 * @file    saiextensions.h
 *
 * @brief   Experimental API families and the headers that declare them
 */

#ifndef __SAIEXTENSIONS_H_
#define __SAIEXTENSIONS_H_

#include <sai.h>
#include <saitypes.h>

#include "saitypesextensions.h"
#include "saiswitchextensions.h"

#include "saiexperimentaldashflow.h"
#include "saiexperimentaldasheni.h"

/**
 * @brief Experimental API families
 *
 * The values continue sai_api_t from its extensions range base. Function
 * tables are declared in this header set only for #SAI_API_DASH_ENI and
 * #SAI_API_DASH_FLOW.
 *
 * @flags free
 */
typedef enum _sai_api_extensions_t
{
    SAI_API_EXTENSIONS_RANGE_START = SAI_API_EXTENSIONS_RANGE_BASE,

    SAI_API_BMTOR = SAI_API_EXTENSIONS_RANGE_START,

    SAI_API_DASH_ACL,

    SAI_API_DASH_DIRECTION_LOOKUP,

    SAI_API_DASH_ENI,

    SAI_API_DASH_INBOUND_ROUTING,

    SAI_API_DASH_METER,

    SAI_API_DASH_OUTBOUND_CA_TO_PA,

    SAI_API_DASH_OUTBOUND_ROUTING,

    SAI_API_DASH_VNET,

    SAI_API_DASH_PA_VALIDATION,

    SAI_API_DASH_VIP,

    SAI_API_DASH_HA,

    SAI_API_DASH_TUNNEL,

    SAI_API_DASH_FLOW,

    SAI_API_DASH_APPLIANCE,

    SAI_API_DASH_OUTBOUND_PORT_MAP,

    SAI_API_DASH_TRUSTED_VNI,

    /** First of the optical transport network API families */
    SAI_API_OTN_ATTENUATOR,

    SAI_API_OTN_OA,

    SAI_API_EXTENSIONS_RANGE_END

} sai_api_extensions_t;

#endif /* __SAIEXTENSIONS_H_ */
