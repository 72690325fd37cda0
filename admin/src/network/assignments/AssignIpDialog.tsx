import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import type { RowAction } from '../../common';
import { useBackhaulDataProvider } from '../../dataProvider';
import { planLabel } from '../../ipam/planLabel';
import { formatAddressCount } from '../../ipam/usage';
import { DescriptionField } from '../common/DescriptionField';
import type { IpAssignmentInput, Subnet } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import {
  ADDRESS_SOURCE,
  type AddressSourceOption,
  addressChoiceInput,
  AddressChoiceFields,
  addressChoicePending,
  POOL_SOURCE,
  useAddressChoice,
} from './AddressChoiceFields';
import {
  ASSIGNEE_FIELDS,
  type AssigneeChoice,
  type AssigneeRef,
  assigneeError,
  assigneeFields,
  assigneeKey,
  isMacAssignee,
} from './assignees';
import { AssigneeSelect } from './AssigneeSelect';
import { PlanPicker } from './PlanPicker';

const SOURCES: AddressSourceOption<'pool' | 'address' | 'subnet'>[] = [
  POOL_SOURCE,
  ADDRESS_SOURCE,
  { value: 'subnet', label: 'A whole subnet' },
];

/** The fields of the API's answer this dialog shows on its own inputs. */
const INLINE_FIELDS = [...ASSIGNEE_FIELDS, 'poolId', 'subnetId', 'wholeSubnet', 'address', 'description'];

/** A holder's row action that opens this dialog with that holder chosen. */
export const ADD_IP_ASSIGNMENT: RowAction<'assign'> = { action: 'assign', label: 'Add IP assignment' };

interface AssignIpDialogProps {
  account: { id: number; name: string };
  /** Opened from a RADIUS account's or a MAC address's menu: that holder is chosen to begin with. */
  assignee?: AssigneeRef;
  onClose: () => void;
}

/**
 * "Assign IP": who holds it (the account, one of its RADIUS accounts, a MAC address of one of its
 * items or an uninventoried MAC address), then a pool's next free address (Next free shows it and
 * keeps it for the clerk for a while), a particular address, or a whole subnet routed to the
 * assignee (not to a MAC address: a DHCP client takes one address).
 */
export const AssignIpDialog = ({ account, assignee: initial, onClose }: AssignIpDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [assignee, setAssignee] = useState<AssigneeChoice>(() =>
    initial === undefined
      ? { key: 'account', label: account.name, assignee: 'account' }
      : { ...initial, key: assigneeKey(initial), label: '' },
  );
  const choice = useAddressChoice<'subnet'>();
  const { source, setSource } = choice;
  const [subnet, setSubnet] = useState<Subnet | null>(null);
  const [soft, setSoft] = useState(false);
  const [description, setDescription] = useState('');
  const toMac = isMacAssignee(assignee.assignee);
  const sources = toMac ? SOURCES.filter((option) => option.value !== 'subnet') : SOURCES;

  const chooseAssignee = (next: AssigneeChoice) => {
    setAssignee(next);
    if (isMacAssignee(next.assignee) && source === 'subnet') setSource('pool');
  };

  const confirm = async () => {
    const input: IpAssignmentInput = {
      ...assigneeFields(assignee),
      ...addressChoiceInput(choice),
      ...(source === 'subnet' && subnet ? { subnetId: subnet.id, wholeSubnet: true } : {}),
      soft,
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    const created = await dataProvider.assignIp(account.id, input);
    await changed();
    return `${created.address} assigned to ${created.assigneeLabel}`;
  };

  return (
    <ActionDialog
      title="Assign IP address"
      confirmLabel="Assign"
      onConfirm={confirm}
      onClose={onClose}
      disabled={addressChoicePending(choice) || (source === 'subnet' && subnet === null)}
      inlineFields={INLINE_FIELDS}
    >
      {(errors) => (
        <>
          <AssigneeSelect account={account} value={assignee.key} onChange={chooseAssignee} error={assigneeError(errors)} />
          <AddressChoiceFields id="assign-ip-source" label="What to assign" options={sources} choice={choice} errors={errors} />
          {source === 'subnet' ? (
            <PlanPicker<Subnet>
              label="Subnet"
              value={subnet}
              onChange={setSubnet}
              search={dataProvider.searchSubnets}
              resource="ip-subnets"
              optionLabel={planLabel}
              optionDetail={(option) => `${option.supernetName} · ${formatAddressCount(option.usage.usable)} usable addresses`}
              unavailable={(option) =>
                option.assignedWhole
                  ? 'Assigned whole already'
                  : option.usage.assigned !== '0'
                    ? `${option.usage.assigned} of its addresses are assigned`
                    : null
              }
              error={errors.subnetId ?? errors.wholeSubnet}
              helperText="The whole subnet is routed to the assignee."
            />
          ) : null}
          <FormControlLabel
            control={<Checkbox checked={soft} onChange={(event) => setSoft(event.target.checked)} />}
            label="Soft assignment"
            sx={{ mt: 1 }}
          />
          <FormHelperText sx={{ mt: -0.5, ml: 4 }}>
            Kept for the account without being sent to the RADIUS server, the DHCP servers or any device.
          </FormHelperText>
          <DescriptionField value={description} onChange={setDescription} error={errors.description} />
        </>
      )}
    </ActionDialog>
  );
};
