import { moneyFormValue } from '../../money';

interface PackageItemForm {
  serviceId?: number;
  quantity?: number;
  price?: unknown;
}

/** Only the editable fields; an item's blank price takes the service's own price. */
export const toPackagePayload = (data: Record<string, unknown>) => ({
  name: String(data.name ?? '').trim(),
  active: data.active !== false,
  items: ((data.items as PackageItemForm[] | undefined) ?? []).map((item) => {
    const price = moneyFormValue(item.price);
    return { serviceId: Number(item.serviceId), quantity: Number(item.quantity ?? 1), ...(price === null ? {} : { price }) };
  }),
});
