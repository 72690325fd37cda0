import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { toApiProblem, useBackhaulDataProvider } from '../../dataProvider';
import { formatAddressCount, formatUsagePercent } from '../../ipam/usage';
import type { HeldAddress, IpAssignmentInput, Pool, Subnet } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';
import { type AssigneeChoice, assigneeFields, assigneeKey } from './assignees';
import { AssigneeSelect } from './AssigneeSelect';
import { PlanPicker } from './PlanPicker';

type Source = 'pool' | 'address' | 'subnet';

const SOURCES: { value: Source; label: string }[] = [
  { value: 'pool', label: 'From a pool' },
  { value: 'address', label: 'A particular address' },
  { value: 'subnet', label: 'A whole subnet' },
];

const DESCRIPTION_MAX_LENGTH = 200;

/** The fields of the API's answer this dialog shows on its own inputs. */
const INLINE_FIELDS = ['assignee', 'radiusAccountId', 'poolId', 'subnetId', 'wholeSubnet', 'address', 'description'] as const;

/** "2:45 PM": when an address held by Next free goes back to the pool. */
export const heldUntilTime = (iso: string): string => new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

const poolLabel = (pool: Pool) => `${pool.name} (${pool.firstAddress} – ${pool.lastAddress})`;
const subnetLabel = (subnet: Subnet) => `${subnet.name} (${subnet.network})`;

interface AssignIpDialogProps {
  account: { id: number; name: string };
  /** Opened from a RADIUS account's menu: that account is chosen to begin with. */
  radiusAccountId?: number;
  onClose: () => void;
}

/**
 * "Assign IP": who holds it (the account or one of its RADIUS accounts), then a pool's next free
 * address (Next free shows it and keeps it for the clerk for a while), a particular address, or a
 * whole subnet routed to the assignee.
 */
export const AssignIpDialog = ({ account, radiusAccountId, onClose }: AssignIpDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const [assignee, setAssignee] = useState<AssigneeChoice>(() =>
    radiusAccountId === undefined
      ? { key: 'account', label: account.name, assignee: 'account' }
      : { key: assigneeKey({ assignee: 'radius_account', radiusAccountId }), label: '', assignee: 'radius_account', radiusAccountId },
  );
  const [source, setSource] = useState<Source>('pool');
  const [pool, setPool] = useState<Pool | null>(null);
  const [held, setHeld] = useState<HeldAddress | null>(null);
  const [holding, setHolding] = useState(false);
  const [holdProblem, setHoldProblem] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [subnet, setSubnet] = useState<Subnet | null>(null);
  const [soft, setSoft] = useState(false);
  const [description, setDescription] = useState('');

  const choosePool = (next: Pool | null) => {
    setPool(next);
    setHeld(null);
    setHoldProblem(null);
  };

  const takeNextFree = async () => {
    if (!pool) return;
    setHolding(true);
    setHoldProblem(null);
    try {
      setHeld(await dataProvider.holdNextFreeAddress(pool.id));
    } catch (error) {
      const problem = toApiProblem(error);
      setHoldProblem(problem.fields.poolId ? `${problem.message} ${problem.fields.poolId}` : problem.message);
    } finally {
      setHolding(false);
    }
  };

  const confirm = async () => {
    const input: IpAssignmentInput = {
      ...assigneeFields(assignee),
      ...(source === 'pool' && pool ? { poolId: pool.id, ...(held ? { address: held.address } : {}) } : {}),
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
    (source === 'pool' && pool === null) || (source === 'address' && !address.trim()) || (source === 'subnet' && subnet === null);

  return (
    <ActionDialog
      title="Assign IP address"
      confirmLabel="Assign"
      onConfirm={confirm}
      onClose={onClose}
      disabled={incomplete || holding}
      inlineFields={INLINE_FIELDS}
    >
      {(errors) => (
        <>
          <AssigneeSelect account={account} value={assignee.key} onChange={setAssignee} error={errors.radiusAccountId ?? errors.assignee} />
          <FormControl sx={{ mt: 1 }}>
            <FormLabel id="assign-ip-source">What to assign</FormLabel>
            <RadioGroup row aria-labelledby="assign-ip-source" value={source} onChange={(event) => setSource(event.target.value as Source)}>
              {SOURCES.map((option) => (
                <FormControlLabel key={option.value} value={option.value} control={<Radio size="small" />} label={option.label} />
              ))}
            </RadioGroup>
          </FormControl>
          {source === 'pool' ? (
            <>
              <PlanPicker<Pool>
                label="Pool"
                value={pool}
                onChange={choosePool}
                search={dataProvider.searchPools}
                resource="ip-pools"
                optionLabel={poolLabel}
                optionDetail={(option) => `Subnet ${option.subnetNetwork} · ${formatUsagePercent(option.usage)} used`}
                error={holdProblem ?? errors.poolId}
              />
              <TextField
                fullWidth
                margin="normal"
                label="Address"
                value={held?.address ?? ''}
                placeholder="The pool's next free address"
                slotProps={{
                  inputLabel: { shrink: true },
                  input: {
                    readOnly: true,
                    endAdornment: (
                      <InputAdornment position="end">
                        <Button size="small" onClick={() => void takeNextFree()} disabled={pool === null || holding}>
                          Next free
                        </Button>
                      </InputAdornment>
                    ),
                  },
                }}
                error={Boolean(errors.address)}
                helperText={
                  errors.address ??
                  (held
                    ? `Held for you until ${heldUntilTime(held.heldUntil)}: nobody else is offered it until then.`
                    : pool
                      ? 'Next free shows the address and keeps it for you; otherwise the next free one is taken when you assign.'
                      : 'Choose a pool first.')
                }
              />
            </>
          ) : null}
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
            Kept for the account without being sent to the RADIUS server or any device.
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
