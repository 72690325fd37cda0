import DialogContentText from '@mui/material/DialogContentText';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { AccountPicker } from '../../common';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { Account } from '../../types';
import { networkQueryKeys, useNetworkChanged } from '../useNetworkChanged';

const assignments = (count: number) => `${count} assignment${count === 1 ? '' : 's'}`;

/** Every address the account holds now goes to another account, e.g. when a subscriber moves house and a new account is opened. */
export const MoveAllAssignmentsDialog = ({ account, onClose }: { account: { id: number; name: string }; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [target, setTarget] = useState<Account | null>(null);
  const { data: count, isPending: counting } = useQuery({
    queryKey: networkQueryKeys.activeAssignmentCount(account.id),
    queryFn: () => dataProvider.countActiveIpAssignments(account.id),
  });
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
          <AccountPicker
            label="Move to account (name or ID)"
            value={target}
            onChange={setTarget}
            exclude={account.id}
            error={errors.toAccountId}
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
