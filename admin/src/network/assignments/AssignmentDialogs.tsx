import DialogContentText from '@mui/material/DialogContentText';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import type { RowAction } from '../../common';
import { useBackhaulDataProvider } from '../../dataProvider';
import { DescriptionField } from '../common/DescriptionField';
import type { IpAssignment } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import { ASSIGNEE_FIELDS, type AssigneeChoice, isMacAssignee } from './assignees';
import { MoveToSelect, useMoveAssignment } from './MoveToHolder';

export type AssignmentAction = 'move' | 'soft' | 'describe' | 'remove';

export const MOVE_ASSIGNMENT: RowAction<AssignmentAction> = { action: 'move', label: 'Move to another holder' };
export const REMOVE_ASSIGNMENT: RowAction<AssignmentAction> = { action: 'remove', label: 'Remove', destructive: true };

/** Every action on an active assignment, as its row's menu offers them. */
export const assignmentRowActions = (assignment: IpAssignment): RowAction<AssignmentAction>[] => [
  MOVE_ASSIGNMENT,
  { action: 'soft', label: assignment.soft ? 'Provision again (not soft)' : 'Make soft' },
  { action: 'describe', label: 'Edit description' },
  REMOVE_ASSIGNMENT,
];

interface AssignmentDialogProps {
  account: { id: number; name: string };
  assignment: IpAssignment;
  onClose: () => void;
}

/** Who stops handing the address out when it is soft or removed. */
const provisioner = (assignment: IpAssignment): string =>
  isMacAssignee(assignment.assignee) ? 'the DHCP servers stop offering it' : 'the RADIUS server stops handing it out';

/** An uninventoried MAC address lives as long as it holds an address. */
const macGoesToo = (assignment: IpAssignment): string =>
  assignment.assignee === 'uninventoried_mac'
    ? ` If it is the last address of ${assignment.mac ?? 'the MAC address'}, the MAC address leaves the account with it.`
    : '';

/** Another holder on the same account: the address stays, and the history shows who held it when. */
const MoveAssignmentDialog = ({ account, assignment, onClose }: AssignmentDialogProps) => {
  const move = useMoveAssignment();
  const [choice, setChoice] = useState<AssigneeChoice | null>(null);
  return (
    <ActionDialog
      title={`Move ${assignment.address}`}
      confirmLabel="Move"
      onConfirm={() => move(assignment, choice as AssigneeChoice)}
      onClose={onClose}
      disabled={choice === null}
      inlineFields={ASSIGNEE_FIELDS}
    >
      {(errors) => (
        <>
          <DialogContentText>
            Held now by {assignment.assigneeLabel}. The address stays the same: this assignment ends and a new one starts for the holder you
            choose, so the history shows both.{macGoesToo(assignment)}
          </DialogContentText>
          <MoveToSelect account={account} assignment={assignment} value={choice} onChange={setChoice} errors={errors} />
        </>
      )}
    </ActionDialog>
  );
};

const softEffect = (assignment: IpAssignment, makeSoft: boolean): string => {
  const provisioned = assignment.assignee !== 'account';
  if (makeSoft) {
    return provisioned
      ? `The address stays reserved for ${assignment.assigneeLabel}, but ${provisioner(assignment)}: nobody else can take it meanwhile.`
      : 'The address stays reserved for the account. An address of the account itself reaches no device either way; soft marks it as held in reserve.';
  }
  return provisioned
    ? isMacAssignee(assignment.assignee)
      ? `The DHCP servers offer the address to ${assignment.assigneeLabel} again.`
      : `The RADIUS server hands the address to ${assignment.assigneeLabel} again.`
    : 'The address counts as an ordinary assignment of the account again.';
};

/** Soft: kept for the account, sent to no device; the other way, provisioned again. */
const SoftDialog = ({ assignment, onClose }: AssignmentDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const makeSoft = !assignment.soft;
  const confirm = async () => {
    await dataProvider.changeIpAssignment(assignment.id, { soft: makeSoft });
    await changed();
    return makeSoft ? `${assignment.address} is now soft` : `${assignment.address} is provisioned again`;
  };
  return (
    <ActionDialog
      title={makeSoft ? `Make ${assignment.address} soft?` : `Provision ${assignment.address} again?`}
      confirmLabel={makeSoft ? 'Make soft' : 'Provision again'}
      confirmColor={makeSoft ? 'warning' : 'primary'}
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>{softEffect(assignment, makeSoft)}</DialogContentText>
    </ActionDialog>
  );
};

const DescribeDialog = ({ assignment, onClose }: AssignmentDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [description, setDescription] = useState(assignment.description ?? '');
  const confirm = async () => {
    await dataProvider.changeIpAssignment(assignment.id, { description: description.trim() || null });
    await changed();
    return 'Description saved';
  };
  return (
    <ActionDialog
      title={`Description of ${assignment.address}`}
      confirmLabel="Save"
      onConfirm={confirm}
      onClose={onClose}
      disabled={description.trim() === (assignment.description ?? '')}
      inlineFields={['description']}
    >
      {(errors) => (
        <DescriptionField
          label="Description"
          autoFocus
          value={description}
          onChange={setDescription}
          error={errors.description}
          hint="Leave empty to clear it."
        />
      )}
    </ActionDialog>
  );
};

const RemoveDialog = ({ assignment, onClose }: AssignmentDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const confirm = async () => {
    await dataProvider.removeIpAssignment(assignment.id);
    await changed();
    return `${assignment.address} removed`;
  };
  return (
    <ActionDialog title={`Remove ${assignment.address}?`} confirmLabel="Remove" confirmColor="error" onConfirm={confirm} onClose={onClose}>
      <DialogContentText>
        {assignment.assigneeLabel} no longer holds the {assignment.covers === 'subnet' ? 'subnet' : 'address'}
        {assignment.assignee !== 'account' && !assignment.soft ? ` and ${provisioner(assignment)}` : ''}; it is free for others again. The
        assignment stays in the history.{macGoesToo(assignment)}
      </DialogContentText>
    </ActionDialog>
  );
};

/** The open dialog of a row of the IP Assignments tab, if any. */
export const AssignmentDialogs = ({
  account,
  state,
  onClose,
}: {
  account: { id: number; name: string };
  state: { action: AssignmentAction; assignment: IpAssignment } | null;
  onClose: () => void;
}) => {
  if (!state) return null;
  const props = { account, assignment: state.assignment, onClose };
  switch (state.action) {
    case 'move':
      return <MoveAssignmentDialog {...props} />;
    case 'soft':
      return <SoftDialog {...props} />;
    case 'describe':
      return <DescribeDialog {...props} />;
    case 'remove':
      return <RemoveDialog {...props} />;
  }
};
