import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useBackhaulDataProvider } from '../../dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { contractQueryKeys, useContractsChanged } from './useContracts';

/** "Add contract": one of the enabled templates, written for this account as it stands today. */
export const AddContractDialog = ({ accountId, onClose }: { accountId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useContractsChanged();
  const { data: templates = [], isPending } = useQuery({
    queryKey: contractQueryKeys.templates,
    queryFn: () => dataProvider.listEnabledContractTemplates(),
  });
  const [templateId, setTemplateId] = useState<number | ''>('');
  const confirm = async () => {
    const contract = await dataProvider.addContract(accountId, Number(templateId));
    await changed();
    return `Contract '${contract.name}' added as a draft`;
  };
  return (
    <ActionDialog title="Add contract" confirmLabel="Add contract" onConfirm={confirm} onClose={onClose} disabled={templateId === ''}>
      {!isPending && templates.length === 0 ? (
        <Typography color="text.secondary">No contract template is enabled. Write one under Settings, Contract templates.</Typography>
      ) : (
        <TextField
          select
          fullWidth
          label="Template"
          value={templateId}
          onChange={(e) => setTemplateId(Number(e.target.value))}
          sx={{ mt: 1 }}
        >
          {templates.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.name}
              {t.termMonths ? ` (${t.termMonths} months)` : ''}
            </MenuItem>
          ))}
        </TextField>
      )}
    </ActionDialog>
  );
};
