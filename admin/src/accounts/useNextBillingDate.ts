import { useBillingFigures } from '../billing/figures/useBillingFigures';
import { Permissions, useHasPermission } from '../permissions';
import { useAccountHeader } from './header/useAccountHeader';

/**
 * The account's next billing date, one value for the header and the Overview: the billing
 * figures' (refreshed after every billing change) for those who may read billing, else the
 * header's copy of the same figure as it was when the page opened.
 */
export const useNextBillingDate = (accountId: number): string | null | undefined => {
  const canReadBilling = useHasPermission(Permissions.BillingRead);
  const { data: figures } = useBillingFigures(accountId, { enabled: canReadBilling });
  const { data: header } = useAccountHeader(String(accountId));
  return canReadBilling ? figures?.nextBillingDate : header?.nextBillingDate;
};
