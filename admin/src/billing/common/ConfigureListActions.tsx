import { CreateButton, TopToolbar } from 'react-admin';
import { Permissions, useHasPermission } from '../../permissions';

/** Create, for those who may change the catalogue, taxes and billing settings (billing.configure). */
export const ConfigureListActions = () => {
  const canConfigure = useHasPermission(Permissions.BillingConfigure);
  return <TopToolbar>{canConfigure ? <CreateButton /> : null}</TopToolbar>;
};
