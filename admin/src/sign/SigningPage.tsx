import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Container,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { SignaturePadField } from '../common/SignaturePadField';
import { declineContract, signContract, SigningError, viewContract, type PublicContract } from './signingApi';

type Stage =
  | { kind: 'loading' }
  | { kind: 'invalid'; message: string }
  | { kind: 'open'; contract: PublicContract }
  | { kind: 'signed'; contract: PublicContract }
  | { kind: 'declined' };

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' }) : '');

/** The page a signing link opens: that one document, consent, a typed name and a drawn signature; or a refusal. */
export function SigningPage({ token }: { token: string }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const onSignature = useCallback((png: string | null) => setSignature(png), []);

  useEffect(() => {
    if (!token) {
      setStage({ kind: 'invalid', message: 'This page opens from the link in your email.' });
      return;
    }
    viewContract(token).then(
      (contract) => setStage(contract.state === 'signed' ? { kind: 'signed', contract } : { kind: 'open', contract }),
      (err: unknown) => setStage({ kind: 'invalid', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [token]);

  const sign = async () => {
    if (!signature) return;
    setBusy(true);
    setError(null);
    try {
      setStage({ kind: 'signed', contract: await signContract(token, name.trim(), signature) });
    } catch (err) {
      if (err instanceof SigningError && err.status === 404) setStage({ kind: 'invalid', message: err.message });
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const decline = async () => {
    setBusy(true);
    try {
      await declineContract(token, reason.trim());
      setDeclining(false);
      setStage({ kind: 'declined' });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container maxWidth="md" sx={{ py: 4 }}>
      {stage.kind === 'loading' && (
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
          <CircularProgress aria-label="Loading" />
        </Box>
      )}
      {stage.kind === 'invalid' && (
        <Alert severity="warning" role="alert">
          <Typography fontWeight={600}>This link does not open a document to sign.</Typography>
          {stage.message} If you still need to sign, ask the sender for a new link.
        </Alert>
      )}
      {stage.kind === 'declined' && (
        <Alert severity="info" role="status">
          You declined to sign. The sender has been told{reason.trim() ? ' why' : ''}.
        </Alert>
      )}
      {stage.kind === 'signed' && (
        <Alert severity="success" role="status">
          <Typography fontWeight={600}>
            {stage.contract.contractName} is signed{stage.contract.signedBy ? ` by ${stage.contract.signedBy}` : ''}.
          </Typography>
          Signed on {day(stage.contract.signedAt)}. {stage.contract.companyName} keeps the signed copy; you can ask them for it.
        </Alert>
      )}
      {stage.kind === 'open' && (
        <Stack spacing={3}>
          <Box>
            <Typography variant="overline" color="text.secondary">
              {stage.contract.companyName} asks you to sign
            </Typography>
            <Typography variant="h4" component="h1">
              {stage.contract.contractName}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              This link works until {day(stage.contract.expiresAt)}.
            </Typography>
          </Box>
          <Paper
            variant="outlined"
            sx={{
              p: { xs: 2, sm: 4 },
              '& table': { borderCollapse: 'collapse' },
              '& td, & th': { border: 1, borderColor: 'grey.300', p: 0.75 },
            }}
          >
            {/* Sanitised by the server when the template was saved and again when the contract was written. */}
            <div className="contract-document" dangerouslySetInnerHTML={{ __html: stage.contract.html ?? '' }} />
          </Paper>
          <Divider />
          <Stack spacing={2} component="form" aria-label="Sign" onSubmit={(e) => (e.preventDefault(), void sign())}>
            <FormControlLabel
              control={<Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} />}
              label="I agree to sign this document electronically, and that my electronic signature is as binding as one on paper."
            />
            <TextField
              label="Your full name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              slotProps={{ htmlInput: { maxLength: 150 } }}
              sx={{ maxWidth: 520 }}
            />
            <SignaturePadField onChange={onSignature} disabled={busy} />
            {error && <Alert severity="error">{error}</Alert>}
            <Stack direction="row" spacing={2}>
              <Button type="submit" variant="contained" disabled={busy || !consent || !name.trim() || !signature}>
                Sign
              </Button>
              <Button color="inherit" disabled={busy} onClick={() => setDeclining(true)}>
                Decline
              </Button>
            </Stack>
          </Stack>
        </Stack>
      )}
      <Dialog open={declining} onClose={() => setDeclining(false)} fullWidth maxWidth="sm">
        <DialogTitle>Decline to sign?</DialogTitle>
        <DialogContent>
          <Typography gutterBottom>The link stops working once you decline. You can tell the sender why.</Typography>
          <TextField
            label="Reason (optional)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeclining(false)}>Back</Button>
          <Button color="error" variant="contained" disabled={busy} onClick={() => void decline()}>
            Decline
          </Button>
        </DialogActions>
      </Dialog>
    </Container>
  );
}
