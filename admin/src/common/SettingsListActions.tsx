import { CreateButton, ExportButton, FilterButton, TopToolbar } from 'react-admin';
import { Permissions, type PermissionName, useHasPermission } from '../permissions';

interface SettingsListActionsProps {
  /** Who may add to the list; the account lists' accounts.configure unless said otherwise. */
  permission?: PermissionName;
  /** The list has filters that are not always shown. */
  filterButton?: boolean;
  /** The list has an exporter: a CSV of what it shows. */
  exportButton?: boolean;
}

/** Create, for those who may change the list; the filter button and CSV export where the list has them. */
export const SettingsListActions = ({
  permission = Permissions.AccountsConfigure,
  filterButton = false,
  exportButton = false,
}: SettingsListActionsProps) => {
  const canConfigure = useHasPermission(permission);
  return (
    <TopToolbar>
      {filterButton ? <FilterButton /> : null}
      {canConfigure ? <CreateButton /> : null}
      {exportButton ? <ExportButton /> : null}
    </TopToolbar>
  );
};
