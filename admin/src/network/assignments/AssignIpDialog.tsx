import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import { formatAddressCount } from '../../ipam/usage';
import type { IpAssignmentInput, Subnet } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import { type AssigneeChoice, type AssigneeRef, assigneeFields, assigneeKey, isMacAssignee } from './assignees';
import { AssigneeSelect } from './AssigneeSelect';
import { PlanPicker } from './PlanPicker';
import { PoolAddressFields, poolAddressInput, usePoolAddress } from './PoolAddressFields';

type Source = 'pool' | 'address' | 'subnet';

const SOURCES: { value: Source; label: string }[] = [
  { value: 'pool', label: 'From a pool' },
  { value: 'address', label: 'A particular address' },
  { value: 'subnet', label: 'A whole subnet' },
];

const DESCRIPTION_MAX_LENGTH = 200;

/** The fields of the API's answer this dialog shows on its own inputs. */
const INLINE_FIELDS = [
  'assignee',
  'radiusAccountId',
  'inventoryMacId',
  'uninventoriedMacId',
  'poolId',
  'subnetId',
  'wholeSubnet',
  'address',
  'description',
] as const;

const subnetLabel = (subnet: Subnet) => `${subnet.name} (${subnet.network})`;

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
  const [source, setSource] = useState<Source>('pool');
  const poolAddress = usePoolAddress();
  const [address, setAddress] = useState('');
  const [subnet, setSubnet] = useState<Subnet | null>(null);
  const [soft, setSoft] = useState(false);
  const [description, setDescription] = useState('');
  const toMac = isMacAssignee(assignee.assignee);
  const sources = toMac ? SOURCES.filter((option) => option.value !== 'subnet') : SOURCES;

  const chooseAssignee = (choice: AssigneeChoice) => {
    setAssignee(choice);
    if (isMacAssignee(choice.assignee) && source === 'subnet') setSource('pool');
  };

  const confirm = async () => {
    const input: IpAssignmentInput = {
      ...assigneeFields(assignee),
      ...(source === 'pool' ? poolAddressInput(poolAddress) : {}),
      ...(source === 'address' ? { address: address.trim() } : {}),
      ...(source === 'subnet' && subnet ? { subnetId: subnet.id, wholeSubnet: true } : {}),
      soft,
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    const created = await dataProvider.assignIp(account.id, input);
    await changed();
    return `${created.address} assigned to ${created.assigneeLabel}`;
  };

  const incomplete =
    (source === 'pool' && poolAddress.pool === null) ||
    (source === 'address' && !address.trim()) ||
    (source === 'subnet' && subnet === null);

  return (
    <ActionDialog
      title="Assign IP address"
      confirmLabel="Assign"
      onConfirm={confirm}
      onClose={onClose}
      disabled={incomplete || poolAddress.holding}
      inlineFields={INLINE_FIELDS}
    >
      {(errors) => (
        <>
          <AssigneeSelect
            account={account}
            value={assignee.key}
            onChange={chooseAssignee}
            error={errors.radiusAccountId ?? errors.inventoryMacId ?? errors.uninventoriedMacId ?? errors.assignee}
          />
          <FormControl sx={{ mt: 1 }}>
            <FormLabel id="assign-ip-source">What to assign</FormLabel>
            <RadioGroup row aria-labelledby="assign-ip-source" value={source} onChange={(event) => setSource(event.target.value as Source)}>
              {sources.map((option) => (
                <FormControlLabel key={option.value} value={option.value} control={<Radio size="small" />} label={option.label} />
              ))}
            </RadioGroup>
          </FormControl>
          {source === 'pool' ? <PoolAddressFields state={poolAddress} errors={errors} /> : null}
          {source === 'address' ? (
            <TextField
              fullWidth
              margin="normal"
              label="Address"
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              placeholder="100.64.8.23"
              autoComplete="off"
              slotProps={{ htmlInput: { maxLength: 50 } }}
              error={Boolean(errors.address ?? errors.subnetId)}
              helperText={errors.address ?? errors.subnetId ?? 'Any free address inside a subnet of the address plan.'}
            />
          ) : null}
          {source === 'subnet' ? (
            <PlanPicker<Subnet>
              label="Subnet"
              value={subnet}
              onChange={setSubnet}
              search={dataProvider.searchSubnets}
              resource="ip-subnets"
              optionLabel={subnetLabel}
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
          <TextField
            fullWidth
            margin="normal"
            label="Description (optional)"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            slotProps={{ htmlInput: { maxLength: DESCRIPTION_MAX_LENGTH } }}
            error={Boolean(errors.description)}
            helperText={errors.description ?? `${description.length}/${DESCRIPTION_MAX_LENGTH}`}
          />
        </>
      )}
    </ActionDialog>
  );
};
