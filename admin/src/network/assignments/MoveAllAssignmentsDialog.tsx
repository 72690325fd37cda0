import Autocomplete from '@mui/material/Autocomplete';
import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { Account } from '../../types';
import { networkQueryKeys, useNetworkChanged } from '../useNetworkChanged';

const assignments = (count: number) => `${count} assignment${count === 1 ? '' : 's'}`;

/** Every address the account holds now goes to another account, e.g. when a subscriber moves house and a new account is opened. */
export const MoveAllAssignmentsDialog = ({ account, onClose }: { account: { id: number; name: string }; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState<Account | null>(null);
  const query = search.trim();
  const { data: count, isPending: counting } = useQuery({
    queryKey: networkQueryKeys.activeAssignmentCount(account.id),
    queryFn: () => dataProvider.countActiveIpAssignments(account.id),
  });
  const { data = [], isPending } = useGetList<Account>('accounts', {
    // A number is looked up as an account id as well as by name.
    filter: query ? { q: query } : {},
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
  });
  const options = data.filter((candidate) => candidate.id !== account.id);
  const n = count ?? 0;

  const confirm = async () => {
    const moved = await dataProvider.moveIpAssignments(account.id, (target as Account).id);
    await changed();
    return `${assignments(moved.length)} moved to ${(target as Account).name}`;
  };

  return (
    <ActionDialog
      title="Move IP assignments to another account"
      confirmLabel={counting ? 'Move' : `Move ${assignments(n)}`}
      confirmColor="warning"
      onConfirm={confirm}
      onClose={onClose}
      disabled={target === null || counting || n === 0}
      inlineFields={['toAccountId']}
    >
      {(errors) => (
        <>
          <DialogContentText>
            {counting
              ? 'Counting the addresses this account holds…'
              : n === 0
                ? 'This account holds no addresses now: there is nothing to move.'
                : `${account.name} holds ${assignments(n)} now. All of them move to the account you choose, each held by that account itself: its RADIUS accounts get none of them until you move them on there.`}
          </DialogContentText>
          <Autocomplete
            options={options}
            loading={isPending}
            value={target}
            onChange={(_event, chosen) => setTarget(chosen)}
            inputValue={search}
            onInputChange={(_event, value) => setSearch(value)}
            filterOptions={(candidates) => candidates}
            getOptionLabel={(candidate) => `${candidate.name} (#${candidate.id})`}
            isOptionEqualToValue={(option, selected) => option.id === selected.id}
            renderInput={(params) => (
              <TextField
                {...params}
                label="Move to account (name or ID)"
                margin="normal"
                error={Boolean(errors.toAccountId)}
                helperText={errors.toAccountId}
              />
            )}
          />
          {target && n > 0 ? (
            <DialogContentText sx={{ mt: 1 }}>
              {`${assignments(n)} will move from ${account.name} to ${target.name} (#${target.id}). ${account.name} keeps them in its history.`}
            </DialogContentText>
          ) : null}
        </>
      )}
    </ActionDialog>
  );
};
