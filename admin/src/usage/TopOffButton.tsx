import AddIcon from '@mui/icons-material/Add';
import Button, { type ButtonProps } from '@mui/material/Button';
import { useState } from 'react';
import { Permissions, useHasPermission } from '../permissions';
import { TopOffDialog } from './TopOffDialog';
import type { TopOffOffer } from './types';

interface TopOffButtonProps {
  accountId: number;
  offer: TopOffOffer | null | undefined;
  currency: string | undefined;
  label?: string;
  variant?: ButtonProps['variant'];
  /** A plus before the label; off among buttons that have none. */
  icon?: boolean;
}

/** Top Off, where the account's usage policy allows it and the clerk may charge; it asks first. */
export const TopOffButton = ({ accountId, offer, currency, label = 'Top Off', variant = 'outlined', icon = true }: TopOffButtonProps) => {
  const canCharge = useHasPermission(Permissions.BillingManage);
  const [open, setOpen] = useState(false);
  if (!offer?.allowed || !canCharge) return null;
  return (
    <>
      <Button size="small" variant={variant} startIcon={icon ? <AddIcon /> : undefined} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open ? <TopOffDialog accountId={accountId} offer={offer} currency={currency} onClose={() => setOpen(false)} /> : null}
    </>
  );
};
