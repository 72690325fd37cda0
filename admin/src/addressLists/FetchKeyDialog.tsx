import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { CopyButton } from '../common/CopyButton';
import { CodeBlock } from './CodeBlock';
import { routerOsScheduler } from './routerUrls';

/** Text a router's operator copies whole, on a line of its own. */
export const CopyableText = ({ text, what, label }: { text: string; what: string; label: string }) => (
  <Box sx={{ mb: 1.5 }}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1 }}>
      <CodeBlock label={label} sx={{ p: 1, flex: 1, minWidth: 0 }}>
        {text}
      </CodeBlock>
      <CopyButton text={text} what={what} />
    </Stack>
  </Box>
);

/** The list's new fetch key, shown this once: Backhaul keeps only its hash, so closing the dialog is the last chance to copy it. */
export const FetchKeyDialog = ({ name, fetchKey, onClose }: { name: string; fetchKey: string; onClose: () => void }) => {
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Fetch key for {name}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy the key now: it is not shown again. Should it be lost, give the list a new one.
        </Alert>
        <CopyableText label="Fetch key" what="the fetch key" text={fetchKey} />
        <CopyableText
          label="RouterOS scheduler script, with this key"
          what="the RouterOS script"
          text={routerOsScheduler(name, fetchKey)}
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          I have copied it
        </Button>
      </DialogActions>
    </Dialog>
  );
};
