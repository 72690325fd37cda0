import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import type { DidHolding } from './types';
import { formatPhoneNumber } from './voiceFormatting';

interface ReleaseDidDialogProps {
  accountId: number;
  holding: DidHolding;
  onClose: () => void;
  onReleased: () => void;
}

/** Takes a number back from the account: confirmed first, since its calls stop reaching the account. */
export const ReleaseDidDialog = ({ accountId, holding, onClose, onReleased }: ReleaseDidDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const number = formatPhoneNumber(holding.number);

  const release = async () => {
    await dataProvider.releaseDid(accountId, holding.accountServiceId, holding.didId);
    onReleased();
    return `${number} released`;
  };

  return (
    <ActionDialog title={`Release ${number}?`} confirmLabel="Release" confirmColor="error" onConfirm={release} onClose={onClose}>
      <DialogContentText>
        The number goes back to the instance&apos;s available numbers. Calls made from now on are no longer the account&apos;s; calls
        already recorded stay on it and are billed as usual.
      </DialogContentText>
    </ActionDialog>
  );
};
