import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import type { AccountTabProps } from '../../accounts/accountTabs';
import { Permissions, useHasPermission } from '../../permissions';
import { AddButton, SubTabCard } from '../common/SubTabCard';
import type { IpAssignment } from '../types';
import { AssignIpDialog } from './AssignIpDialog';
import { type AssignmentAction, AssignmentDialogs } from './AssignmentDialogs';
import { type AssignmentView, IpAssignmentList } from './IpAssignmentList';
import { MoveAllAssignmentsDialog } from './MoveAllAssignmentsDialog';

/** Network & Inventory › IP Assignments: the addresses the account holds, and every one it held. */
export const IpAssignmentsTab = ({ account }: AccountTabProps) => {
  const canManage = useHasPermission(Permissions.NetworkManage);
  const [view, setView] = useState<AssignmentView>('active');
  const [assigning, setAssigning] = useState(false);
  const [movingAll, setMovingAll] = useState(false);
  const [row, setRow] = useState<{ action: AssignmentAction; assignment: IpAssignment } | null>(null);

  return (
    <SubTabCard
      title="IP assignments"
      actions={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          {canManage && view === 'active' ? (
            <>
              <Button size="small" variant="outlined" onClick={() => setMovingAll(true)}>
                Move all to another account
              </Button>
              <AddButton label="Assign IP" onClick={() => setAssigning(true)} />
            </>
          ) : null}
          <ToggleButtonGroup
            size="small"
            exclusive
            value={view}
            onChange={(_event, value: AssignmentView | null) => value && setView(value)}
            aria-label="Which assignments"
          >
            <ToggleButton value="active">Active</ToggleButton>
            <ToggleButton value="history">History</ToggleButton>
          </ToggleButtonGroup>
        </Stack>
      }
    >
      <IpAssignmentList
        accountId={account.id}
        view={view}
        canManage={canManage}
        onAction={(action, assignment) => setRow({ action, assignment })}
      />
      {assigning ? <AssignIpDialog account={account} onClose={() => setAssigning(false)} /> : null}
      {movingAll ? <MoveAllAssignmentsDialog account={account} onClose={() => setMovingAll(false)} /> : null}
      <AssignmentDialogs account={account} state={row} onClose={() => setRow(null)} />
    </SubTabCard>
  );
};
