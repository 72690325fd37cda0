import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { toApiProblem, useBackhaulDataProvider } from '../../dataProvider';
import { formatUsagePercent } from '../../ipam/usage';
import type { HeldAddress, Pool } from '../types';
import { PlanPicker } from './PlanPicker';

/** "2:45 PM": when an address held by Next free goes back to the pool. */
export const heldUntilTime = (iso: string): string => new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

const poolLabel = (pool: Pool) => `${pool.name} (${pool.firstAddress} – ${pool.lastAddress})`;

/** A pool, and the address Next free found in it and holds for the clerk (if they asked). */
export const usePoolAddress = () => {
  const dataProvider = useBackhaulDataProvider();
  const [pool, setPool] = useState<Pool | null>(null);
  const [held, setHeld] = useState<HeldAddress | null>(null);
  const [holding, setHolding] = useState(false);
  const [holdProblem, setHoldProblem] = useState<string | null>(null);

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

  return { pool, choosePool, held, holding, holdProblem, takeNextFree };
};

export type PoolAddress = ReturnType<typeof usePoolAddress>;

/** The request's part for a pool: the pool, and the held address when Next free found one. */
export const poolAddressInput = ({ pool, held }: PoolAddress): { poolId?: number; address?: string } =>
  pool ? { poolId: pool.id, ...(held ? { address: held.address } : {}) } : {};

/**
 * A pool, then its next free address: Next free shows it and keeps it for the clerk for a while;
 * without it, the next free one is taken when the dialog is confirmed.
 */
export const PoolAddressFields = ({ state, errors }: { state: PoolAddress; errors: Record<string, string> }) => {
  const dataProvider = useBackhaulDataProvider();
  const { pool, choosePool, held, holding, holdProblem, takeNextFree } = state;
  return (
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
  );
};
