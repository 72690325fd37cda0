import Autocomplete from '@mui/material/Autocomplete';
import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import type { Account } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { useBillingChanged } from '../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Makes another account a child of this one: from then on this account pays its recurring invoices. */
export const LinkChildAccountDialog = ({ accountId, onClose }: { accountId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const [search, setSearch] = useState('');
  const [child, setChild] = useState<Account | null>(null);
  const query = search.trim();
  const { data = [], isPending } = useGetList<Account>('accounts', {
    // A number is looked up as an account id as well as by name.
    filter: query ? { q: query } : {},
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'name', order: 'ASC' },
  });
  const options = data.filter((account) => account.id !== accountId && account.parentAccountId === null);

  const confirm = async () => {
    await dataProvider.linkChildAccount(accountId, (child as Account).id);
    await changed();
    return `${(child as Account).name} is now a child account`;
  };

  return (
    <ActionDialog title="Link a child account" confirmLabel="Link account" onConfirm={confirm} onClose={onClose} disabled={child === null}>
      <DialogContentText sx={{ mb: 1 }}>
        This account becomes responsible for the child&apos;s future recurring invoices. Accounts that already have a parent are not
        offered.
      </DialogContentText>
      <Autocomplete
        options={options}
        loading={isPending}
        value={child}
        onChange={(_event, account) => setChild(account)}
        inputValue={search}
        onInputChange={(_event, value) => setSearch(value)}
        filterOptions={(candidates) => candidates}
        getOptionLabel={(account) => `${account.name} (#${account.id})`}
        isOptionEqualToValue={(option, selected) => option.id === selected.id}
        renderInput={(params) => <TextField {...params} label="Account (name or ID)" margin="normal" />}
      />
    </ActionDialog>
  );
};
