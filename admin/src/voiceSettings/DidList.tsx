import Stack from '@mui/material/Stack';
import { useState } from 'react';
import {
  CreateButton,
  Datagrid,
  DateField,
  ExportButton,
  type Exporter,
  FunctionField,
  Link,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { AccountFilterInput, Caption, Mono, NoneText, type RowAction, RowActionsMenu } from '../common';
import { downloadRows } from '../correspondence/csv';
import { Permissions, useHasPermission } from '../permissions';
import { formatPhoneNumber } from '../voice/voiceFormatting';
import { AddDidRangeButton } from './AddDidRangeButton';
import { DidStateChip } from './DidStateChip';
import { DidStateDialog } from './DidStateDialog';
import { DID_STATES, type Did, type SettableDidState } from './types';
import { DID_STATE_LABELS } from './voiceWords';

/** The number search takes digits; a + and separators typed with them are dropped. */
const digitsOnly = (value: string | null | undefined): string => (value ?? '').replace(/\D/g, '');

const filters = [
  <SearchInput key="q" source="q" placeholder="Number contains" parse={digitsOnly} alwaysOn />,
  <SelectInput
    key="state"
    source="state"
    label="State"
    choices={DID_STATES.map((state) => ({ id: state, name: DID_STATE_LABELS[state] }))}
    alwaysOn
  />,
  <AccountFilterInput key="accountId" source="accountId" alwaysOn />,
];

const exporter: Exporter<Did> = (dids) =>
  downloadRows(
    'phone-numbers',
    ['id', 'number', 'state', 'account_id', 'account_name', 'voice_service', 'account_service_id', 'assigned_at', 'note', 'updated_at'],
    dids.map((d) => [
      d.id,
      `+${d.number}`,
      d.state,
      d.accountId,
      d.accountName,
      d.serviceName,
      d.accountServiceId,
      d.assignedAt,
      d.note,
      d.updatedAt,
    ]),
  );

/** What a number in each state may become here; an assigned one is released on its account's Voice tab. */
const STATE_ACTIONS: Record<Did['state'], RowAction<SettableDidState>[]> = {
  available: [
    { action: 'reserved', label: 'Reserve' },
    { action: 'retired', label: 'Retire', destructive: true },
  ],
  reserved: [
    { action: 'available', label: 'Make available' },
    { action: 'retired', label: 'Retire', destructive: true },
  ],
  retired: [{ action: 'available', label: 'Make available' }],
  assigned: [],
};

const Actions = ({ canConfigure }: { canConfigure: boolean }) => (
  <TopToolbar>
    {canConfigure ? (
      <>
        <CreateButton label="Add number" />
        <AddDidRangeButton />
      </>
    ) : null}
    <ExportButton />
  </TopToolbar>
);

const Holder = ({ did }: { did: Did }) =>
  did.accountId === null ? (
    <NoneText>—</NoneText>
  ) : (
    <Stack>
      <Link to={`/accounts/${did.accountId}/show`} onClick={(event: { stopPropagation: () => void }) => event.stopPropagation()}>
        {did.accountName ?? `Account #${did.accountId}`}
      </Link>
      <Caption>
        {did.serviceName ?? 'Voice service'}
        {did.assignedAt ? `, since ${formatDateTime(did.assignedAt)}` : ''}
      </Caption>
    </Stack>
  );

/**
 * Settings › Phone numbers: every number (DID) of the instance with its state and who holds it now.
 * Those who configure voice add one or a range, and reserve, retire or free numbers nobody holds.
 */
export const DidList = () => {
  const canConfigure = useHasPermission(Permissions.VoiceConfigure);
  const [change, setChange] = useState<{ did: Did; state: SettableDidState } | null>(null);
  return (
    <>
      <List
        title="Phone numbers"
        filters={filters}
        sort={{ field: 'number', order: 'ASC' }}
        perPage={25}
        exporter={exporter}
        actions={<Actions canConfigure={canConfigure} />}
        empty={false}
      >
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<NoneText>No phone number matches.</NoneText>}>
          <FunctionField<Did> source="number" label="Number" render={(did) => <Mono>{formatPhoneNumber(did.number)}</Mono>} />
          <FunctionField<Did> source="state" label="State" render={(did) => <DidStateChip state={did.state} />} />
          <FunctionField<Did> label="Held by" sortable={false} render={(did) => <Holder did={did} />} />
          <TextField source="note" emptyText="—" sortable={false} sx={{ overflowWrap: 'anywhere' }} />
          <DateField source="updatedAt" label="Last changed" showTime />
          {canConfigure ? (
            <FunctionField<Did>
              label="Actions"
              textAlign="right"
              render={(did) =>
                STATE_ACTIONS[did.state].length > 0 ? (
                  <RowActionsMenu
                    label={`Actions for ${formatPhoneNumber(did.number)}`}
                    items={STATE_ACTIONS[did.state]}
                    onAction={(state) => setChange({ did, state })}
                  />
                ) : null
              }
            />
          ) : null}
        </Datagrid>
      </List>
      {change ? <DidStateDialog did={change.did} state={change.state} onClose={() => setChange(null)} /> : null}
    </>
  );
};
