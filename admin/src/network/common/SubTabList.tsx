import Typography from '@mui/material/Typography';
import type { ReactElement, ReactNode } from 'react';
import {
  Datagrid,
  DatagridBody,
  type DatagridProps,
  DatagridRow,
  type DatagridRowProps,
  ExportButton,
  type Exporter,
  type FilterPayload,
  List,
  type RaRecord,
  type SortPayload,
  TopToolbar,
  useListContext,
  useRecordContext,
} from 'react-admin';

/** A row named for a screen reader (and a test) by what it holds, e.g. "RADIUS account harbor-cafe". */
const LabelledRow = ({ rowLabel, ...props }: DatagridRowProps & { rowLabel: (record: RaRecord) => string }) => {
  const record = useRecordContext();
  return <DatagridRow {...props} aria-label={record ? rowLabel(record) : undefined} />;
};

/** Why the list is empty: the account has none, or none matches what the clerk searched for. */
const EmptyText = ({ none, noneMatching }: { none: string; noneMatching?: string }) => {
  const { filterValues } = useListContext();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {noneMatching && Object.keys(filterValues ?? {}).length > 0 ? noneMatching : none}
    </Typography>
  );
};

interface SubTabListProps<R extends RaRecord> {
  /** The account's own resource, e.g. accounts/12/ip-assignments, or a resource filtered to the account. */
  resource: string;
  /** Kept whatever the clerk searches for, e.g. the account. */
  filter?: FilterPayload;
  filters?: ReactElement[];
  sort: SortPayload;
  /** A CSV of the rows the list fetched, with its Export button; without it, no toolbar. */
  exporter?: Exporter<R>;
  /** The table's accessible name. */
  label: string;
  /** Said in place of the table when it has no row; `noneMatching` when a search or a filter leaves none. */
  none: string;
  noneMatching?: string;
  /** Each row's accessible name. */
  rowLabel?: (record: R) => string;
  rowClick?: DatagridProps['rowClick'];
  expand?: DatagridProps['expand'];
  /** The columns. */
  children: ReactNode;
}

/**
 * A list inside a tab of the account's Network & Inventory tab: 25 rows a page, its sort, page and
 * search its own (not in the URL, not remembered), and a sentence when it is empty.
 */
export const SubTabList = <R extends RaRecord>({
  resource,
  filter,
  filters,
  sort,
  exporter,
  label,
  none,
  noneMatching,
  rowLabel,
  rowClick = false,
  expand,
  children,
}: SubTabListProps<R>) => (
  <List<R>
    resource={resource}
    filter={filter}
    filters={filters}
    sort={sort}
    perPage={25}
    disableSyncWithLocation
    storeKey={false}
    exporter={exporter ?? false}
    actions={
      exporter ? (
        <TopToolbar>
          <ExportButton />
        </TopToolbar>
      ) : (
        false
      )
    }
    title={false}
    empty={false}
  >
    <Datagrid
      bulkActionButtons={false}
      rowClick={rowClick}
      expand={expand}
      aria-label={label}
      body={rowLabel ? <DatagridBody row={<LabelledRow rowLabel={rowLabel as (record: RaRecord) => string} />} /> : undefined}
      empty={<EmptyText none={none} noneMatching={noneMatching} />}
    >
      {children}
    </Datagrid>
  </List>
);
