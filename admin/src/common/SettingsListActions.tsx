import { CreateButton, TopToolbar } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';

/** Create, for those who may change the configurable lists. */
export const SettingsListActions = () => {
  const canConfigure = useHasPermission(Permissions.AccountsConfigure);
  return <TopToolbar>{canConfigure ? <CreateButton /> : null}</TopToolbar>;
};
