import { minorUnitsToInput, moneyFormValue } from '../../money';
import type { CatalogService } from '../../types';

/** A number input's value: empty is null (the API's default, 0 included minutes). */
const wholeOrNull = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/** What the service forms send: only the editable fields (the API refuses others), price in minor units. */
export const toServicePayload = (data: Record<string, unknown>) => {
  const kind = data.kind as CatalogService['kind'];
  return {
    name: String(data.name ?? '').trim(),
    kind,
    adjustmentSide: kind === 'adjustment' ? ((data.adjustmentSide as string | null) ?? null) : null,
    price: moneyFormValue(data.price) ?? 0,
    downloadKbps: kind === 'data' ? ((data.downloadKbps as number | null) ?? null) : null,
    uploadKbps: kind === 'data' ? ((data.uploadKbps as number | null) ?? null) : null,
    usagePolicyId: kind === 'data' ? ((data.usagePolicyId as number | null | undefined) ?? null) : null,
    voiceRatePlanId: kind === 'voice' ? ((data.voiceRatePlanId as number | null | undefined) ?? null) : null,
    includedMinutes: kind === 'voice' ? wholeOrNull(data.includedMinutes) : null,
    includedMinutesScope: kind === 'voice' ? ((data.includedMinutesScope as 'all' | 'outbound' | null | undefined) ?? null) : null,
    ledgerCode: String(data.ledgerCode ?? '').trim(),
    active: data.active !== false,
    taxIds: (data.taxIds as number[] | undefined) ?? [],
  };
};

/** One CSV row: the price in major units as well as in minor units, taxes as one cell. */
export const toServiceCsvRow = (service: CatalogService) => ({
  id: service.id,
  name: service.name,
  kind: service.kind,
  adjustmentSide: service.adjustmentSide ?? '',
  price: minorUnitsToInput(service.price),
  priceMinorUnits: service.price,
  downloadKbps: service.downloadKbps ?? '',
  uploadKbps: service.uploadKbps ?? '',
  usagePolicyId: service.usagePolicyId ?? '',
  voiceRatePlanId: service.voiceRatePlanId ?? '',
  includedMinutes: service.includedMinutes ?? '',
  includedMinutesScope: service.includedMinutesScope ?? '',
  ledgerCode: service.ledgerCode,
  active: service.active,
  taxIds: service.taxIds.join(' '),
});
