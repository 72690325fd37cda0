/**
 * The data usage shapes, as the OpenAPI document gives them (src/usage). Octets are decimal
 * strings, GB in requests decimal strings ("12.5"), money integer minor units, instants ISO 8601.
 */
import type { Schemas } from '../dataProvider/apiClient';

export type UsagePolicy = Schemas['UsagePolicyResponseDto'];
export type UsagePolicyInput = Schemas['CreateUsagePolicyDto'];
export type AtCap = UsagePolicy['atCap'];
/** Whole hours of the instance's time zone; a window whose end is not after its start runs past midnight. */
export type FreeWindow = Schemas['FreeWindowDto'];
/** One billing period's usage: start is midnight UTC of the billing day, end the next period's start. */
export type UsagePeriod = Schemas['UsagePeriodDto'];
export type TopOffOffer = Schemas['TopOffOfferDto'];
/** GET /api/accounts/:id/data-usage */
export type DataUsage = Schemas['DataUsageDto'];
export type AccountDataService = Schemas['AccountDataServiceDto'];
export type UsageHour = Schemas['UsageHourDto'];
/** PUT /api/accounts/:id/usage-periods/current */
export type CurrentPeriodCorrection = Schemas['EditUsagePeriodDto'];
