import Typography from '@mui/material/Typography';
import { useRefresh } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { formatPhoneNumber } from '../voice/voiceFormatting';
import type { Did, SettableDidState } from './types';

const CHANGES: Record<SettableDidState, { title: string; confirm: string; done: string; what: string }> = {
  reserved: {
    title: 'Reserve',
    confirm: 'Reserve',
    done: 'reserved',
    what: 'It stays in the instance but is not offered when a number is given to a voice service, until it is made available again.',
  },
  available: {
    title: 'Make available',
    confirm: 'Make available',
    done: 'available',
    what: 'It is offered again when a number is given to a voice service.',
  },
  retired: {
    title: 'Retire',
    confirm: 'Retire',
    done: 'retired',
    what: 'It is no longer offered to voice services; its past holders and calls are kept. It can be made available again later.',
  },
};

/** Confirms a change of a number's state; the API refuses one a voice service holds (release it on the account first). */
export const DidStateDialog = ({ did, state, onClose }: { did: Did; state: SettableDidState; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const refresh = useRefresh();
  const change = CHANGES[state];
  const number = formatPhoneNumber(did.number);
  return (
    <ActionDialog
      title={`${change.title} ${number}?`}
      confirmLabel={change.confirm}
      confirmColor={state === 'retired' ? 'warning' : 'primary'}
      onClose={onClose}
      onConfirm={async () => {
        await dataProvider.changeDidState(did.id, state);
        refresh();
        return `${number} ${change.done}`;
      }}
    >
      <Typography variant="body2">{change.what}</Typography>
    </ActionDialog>
  );
};
