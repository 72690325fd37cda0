import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useRef, useState } from 'react';
import { useNotify } from 'react-admin';
import { toApiProblem, useBackhaulDataProvider } from '../../dataProvider';
import { SignaturePadField } from '../../common/SignaturePadField';
import type { Contract } from '../../types';
import { ContractDocument } from './ContractDocument';
import { useContractDetail, useContractsChanged } from './useContracts';

/**
 * Signing in person: the clerk hands the screen over; the subscriber reads the document, agrees
 * to sign electronically, types their name and draws a signature.
 */
export const SignInPersonDialog = ({ contract, onClose }: { contract: Contract; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useContractsChanged();
  const notify = useNotify();
  const { data: detail } = useContractDetail(contract.id);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const onSignature = useCallback((png: string | null) => setSignature(png), []);

  const sign = async () => {
    if (running.current || !signature) return;
    running.current = true;
    setBusy(true);
    setProblem(null);
    try {
      await dataProvider.signContractInPerson(contract.id, { name: name.trim(), email: email.trim() || null, signature, consent: true });
      await changed();
      notify(`'${contract.name}' signed by ${name.trim()}`, { type: 'success' });
      onClose();
    } catch (err) {
      setProblem(toApiProblem(err).message);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="md" aria-labelledby="sign-in-person-title">
      <DialogTitle id="sign-in-person-title">Sign '{contract.name}'</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Paper variant="outlined" sx={{ p: 2, maxHeight: 360, overflow: 'auto' }}>
            {detail ? <ContractDocument html={detail.bodyHtml} /> : <Typography color="text.secondary">Loading the document…</Typography>}
          </Paper>
          <FormControlLabel
            control={<Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} />}
            label="I agree to sign this document electronically, and that my electronic signature is as binding as one on paper."
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label="Full name"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { maxLength: 150 } }}
            />
            <TextField
              label="Email (optional)"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { maxLength: 254 } }}
            />
          </Stack>
          <Box>
            <SignaturePadField onChange={onSignature} disabled={busy} />
          </Box>
          {problem ? <Alert severity="error">{problem}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => void sign()} disabled={busy || !consent || !name.trim() || !signature}>
          Accept and sign
        </Button>
      </DialogActions>
    </Dialog>
  );
};
