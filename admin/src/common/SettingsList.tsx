import type { ReactElement, ReactNode } from 'react';
import { Datagrid, EditButton, type Exporter, type Identifier, List, type RaRecord, SearchInput, type SortPayload } from 'react-admin';
import { type PermissionName, useHasPermission } from '../permissions';
import { SettingsListActions } from './SettingsListActions';

interface SettingsListProps<R extends RaRecord> {
  title: string;
  /** Who may add the list's records and open them to edit. */
  permission: PermissionName;
  /** The search box's placeholder: what the list's `q` looks in. */
  search: string;
  /** Filters after the search box; one that is not `alwaysOn` brings the filter button. */
  filters?: ReactElement[];
  sort?: SortPayload;
  /** A CSV of the rows the list fetched, with its Export button; without it, no export. */
  exporter?: Exporter<R>;
  /** Where a row leads instead of its edit form, e.g. the list of its children. */
  rowClick?: (id: Identifier) => string;
  /** An Edit button at the end of each row, for those who may edit. */
  editButton?: boolean;
  /** The columns. */
  children: ReactNode;
}

/**
 * A list under Settings: searched by `q`, 25 to a page, Create (and the filter button and CSV export
 * where it has them) on top, a row opens its edit form for those who may change it.
 */
export const SettingsList = <R extends RaRecord>({
  title,
  permission,
  search,
  filters = [],
  sort = { field: 'name', order: 'ASC' },
  exporter,
  rowClick,
  editButton = false,
  children,
}: SettingsListProps<R>) => {
  const canChange = useHasPermission(permission);
  return (
    <List
      title={title}
      filters={[<SearchInput key="q" source="q" placeholder={search} alwaysOn />, ...filters]}
      sort={sort}
      perPage={25}
      actions={
        <SettingsListActions
          permission={permission}
          filterButton={filters.some((filter) => !(filter.props as { alwaysOn?: boolean }).alwaysOn)}
          exportButton={exporter !== undefined}
        />
      }
      exporter={exporter ?? false}
    >
      <Datagrid bulkActionButtons={false} rowClick={rowClick ?? (canChange ? 'edit' : false)}>
        {children}
        {editButton && canChange ? <EditButton /> : null}
      </Datagrid>
    </List>
  );
};
