import { useQuery } from '@tanstack/react-query';
import { AutocompleteInput, DateInput, ReferenceInput, type InputProps } from 'react-admin';
import { useBackhaulDataProvider } from '../dataProvider';

/** A day picked in the browser's time zone → the instant it starts, as the API filters expect. */
const startOf = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : null);
/** The day a stored instant falls on, in the browser's time zone. */
const dayOf = (iso: string | null | undefined, shiftMs = 0) => {
  if (!iso) return '';
  const at = new Date(new Date(iso).getTime() + shiftMs);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
};
/** "To" includes its day: the filter's upper bound (exclusive) is the next day's start. */
const endOf = (day: string) => {
  if (!day) return null;
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
};

/** The kinds of action, by their labels; the API serves the list so it cannot drift from the sentences. */
export const ActionKindInput = (props: Omit<InputProps, 'source'>) => {
  const dataProvider = useBackhaulDataProvider();
  const { data = [], isPending } = useQuery({ queryKey: ['action-history', 'kinds'], queryFn: () => dataProvider.fetchActionKinds() });
  return (
    <AutocompleteInput
      {...props}
      source="kind"
      label="Kind of action"
      choices={data}
      optionText="label"
      isPending={isPending}
      sx={{ minWidth: 280 }}
    />
  );
};

/** Kind of action, staff user and a range of days: the same choices on every action-history list. */
export const actionHistoryFilters = (canReadUsers: boolean) => [
  <ActionKindInput key="kind" alwaysOn />,
  ...(canReadUsers
    ? [
        <ReferenceInput key="actorUserId" source="actorUserId" reference="users" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
          <AutocompleteInput label="Staff user" />
        </ReferenceInput>,
      ]
    : []),
  <DateInput key="createdFrom" source="createdFrom" label="From" parse={startOf} format={(v) => dayOf(v)} alwaysOn />,
  <DateInput key="createdTo" source="createdTo" label="To" parse={endOf} format={(v) => dayOf(v, -1)} alwaysOn />,
];
