import AddIcCallIcon from '@mui/icons-material/AddIcCall';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { Permissions, useHasPermission } from '../../permissions';
import { CallLogDialog } from './CallLogDialog';

/** The account header's "Add call log": the same dialog as the Call Logs tab, from anywhere on the account page. */
export const AddCallLogAction = ({ accountId }: { accountId: number | string }) => {
  const canWrite = useHasPermission(Permissions.CorrespondenceWrite);
  const [open, setOpen] = useState(false);
  if (!canWrite) return null;
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<AddIcCallIcon />} onClick={() => setOpen(true)}>
        Add call log
      </Button>
      {open ? <CallLogDialog accountId={accountId} onClose={() => setOpen(false)} /> : null}
    </>
  );
};
