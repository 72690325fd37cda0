import Autocomplete from '@mui/material/Autocomplete';
import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import type { Did, VoiceService } from './types';
import { formatPhoneNumber } from './voiceFormatting';

interface AssignDidDialogProps {
  accountId: number;
  /** The account's voice services still in force. */
  services: VoiceService[];
  onClose: () => void;
  onAssigned: () => void;
}

/** Digits typed into the number search, as the API's `q` takes them. */
const digitsOf = (text: string): string => text.replace(/\D/g, '').slice(0, 15);

/**
 * Gives an available number to one of the account's voice services. The number is chosen from
 * the instance's available numbers, searched by the digits typed; a number someone else took a
 * moment ago is refused by the API and the reason shows here.
 */
export const AssignDidDialog = ({ accountId, services, onClose, onAssigned }: AssignDidDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const [serviceId, setServiceId] = useState<number>(services[0]?.id ?? 0);
  const [did, setDid] = useState<Did | null>(null);
  const [search, setSearch] = useState('');
  const digits = digitsOf(search);
  const { data: available = [], isPending } = useGetList<Did>('dids', {
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'number', order: 'ASC' },
    filter: { state: 'available', ...(digits ? { q: digits } : {}) },
  });

  const assign = async () => {
    if (!did) throw new Error('Choose a number');
    await dataProvider.assignDid(accountId, serviceId, { didId: did.id });
    onAssigned();
    return `${formatPhoneNumber(did.number)} assigned`;
  };

  return (
    <ActionDialog title="Assign DID" confirmLabel="Assign" onConfirm={assign} onClose={onClose} disabled={!did || !serviceId}>
      <DialogContentText sx={{ mb: 2 }}>
        The number goes to a voice service of the account; its calls are matched to the account from now on.
      </DialogContentText>
      <TextField
        select
        fullWidth
        size="small"
        label="Voice service"
        value={serviceId}
        onChange={(event) => setServiceId(Number(event.target.value))}
        sx={{ mb: 2 }}
      >
        {services.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.serviceName}
            {s.ratePlanName ? ` · ${s.ratePlanName}` : ''} · {s.includedMinutes} min included
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete<Did>
        options={available}
        loading={isPending}
        value={did}
        onChange={(_event, value) => setDid(value)}
        inputValue={search}
        onInputChange={(_event, value) => setSearch(value)}
        filterOptions={(options) => options}
        getOptionLabel={(option) => formatPhoneNumber(option.number)}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        noOptionsText={digits ? 'No available number contains those digits' : 'No available numbers'}
        renderInput={(params) => (
          <TextField {...params} size="small" label="Number" helperText="Type digits to search the available numbers" />
        )}
      />
    </ActionDialog>
  );
};
