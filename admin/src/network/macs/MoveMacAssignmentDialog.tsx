import Alert from '@mui/material/Alert';
import DialogContentText from '@mui/material/DialogContentText';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { errorMessage } from '../../dataProvider';
import { ASSIGNEE_FIELDS, type AssigneeChoice } from '../assignments/assignees';
import { MoveToSelect, useMoveAssignment } from '../assignments/MoveToHolder';
import { useMacAssignments } from '../inventory/useAccountInventory';
import type { UninventoriedMac } from '../types';

/**
 * One address of an uninventoried MAC address goes to another holder on the account. When it was
 * the MAC's last address, the MAC address goes too.
 */
export const MoveMacAssignmentDialog = ({
  account,
  mac,
  onClose,
}: {
  account: { id: number; name: string };
  mac: UninventoriedMac;
  onClose: () => void;
}) => {
  const move = useMoveAssignment();
  const { data = [], isPending, error } = useMacAssignments(account.id, 'uninventoried_mac');
  const own = data.filter((assignment) => assignment.uninventoriedMacId === mac.id);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const assignment = own.find((a) => a.id === chosenId) ?? (own.length === 1 ? own[0] : undefined);
  const [choice, setChoice] = useState<AssigneeChoice | null>(null);

  const confirm = async () => {
    if (!assignment || !choice) throw new Error('Choose the address and its new holder first');
    return move(assignment, choice);
  };

  return (
    <ActionDialog
      title={`Move an address of ${mac.mac}`}
      confirmLabel="Move"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!assignment || choice === null}
      inlineFields={ASSIGNEE_FIELDS}
    >
      {(errors) => (
        <>
          {error ? <Alert severity="error">Its addresses could not load: {errorMessage(error)}</Alert> : null}
          {!isPending && own.length === 0 ? (
            <DialogContentText>{mac.mac} holds no address now: there is nothing to move.</DialogContentText>
          ) : null}
          {own.length > 1 ? (
            <RadioGroup
              aria-label="Which address"
              value={assignment?.id ?? ''}
              onChange={(event) => setChosenId(Number(event.target.value))}
            >
              {own.map((a) => (
                <FormControlLabel key={a.id} value={a.id} control={<Radio size="small" />} label={a.address} />
              ))}
            </RadioGroup>
          ) : null}
          {assignment ? (
            <>
              <DialogContentText>
                {assignment.address} stays the same: {mac.mac}’s assignment ends and a new one starts for the holder you choose, so the
                history shows both.
                {own.length === 1 ? ` It is the last address of ${mac.mac}, so the MAC address leaves the account with it.` : ''}
              </DialogContentText>
              <MoveToSelect account={account} assignment={assignment} value={choice} onChange={setChoice} errors={errors} />
            </>
          ) : null}
        </>
      )}
    </ActionDialog>
  );
};
