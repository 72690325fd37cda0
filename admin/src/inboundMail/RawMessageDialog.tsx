import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessage, inboundMessageRawUrl, useBackhaulDataProvider } from '../dataProvider';
import type { InboundMessage } from './types';

/** More than this is cut on screen (a message can be megabytes of encoded attachments); the download holds all of it. */
const SHOWN_CHARACTERS = 200_000;

/** The bytes as text: UTF-8 when they are, else as the single-byte charset most old mail programs wrote. */
const asText = (bytes: ArrayBuffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
};

/**
 * The message exactly as it came, headers and MIME parts, as plain text: whoever wrote it, nothing in
 * it is rendered, run or fetched. The .eml download is there for a mail program.
 */
export const RawMessageDialog = ({ message, onClose }: { message: InboundMessage; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const titleId = useId();
  const { data: text, error } = useQuery({
    queryKey: ['inbound-message-raw', message.id],
    queryFn: async () => asText(await dataProvider.fetchInboundMessageRaw(message.id)),
    staleTime: Infinity,
  });
  const cut = text !== undefined && text.length > SHOWN_CHARACTERS;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Message #{message.id} as received</DialogTitle>
      <DialogContent dividers>
        {error ? <Alert severity="error">Could not load the message: {errorMessage(error)}</Alert> : null}
        {text === undefined && !error ? <CircularProgress size={24} aria-label="Loading the message" /> : null}
        {text !== undefined ? (
          <>
            {cut ? (
              <Alert severity="info" sx={{ mb: 1 }}>
                The first {SHOWN_CHARACTERS.toLocaleString()} of {text.length.toLocaleString()} characters are shown; download the message
                for all of it.
              </Alert>
            ) : null}
            <Box
              component="pre"
              role="region"
              aria-label="Raw message"
              tabIndex={0}
              sx={{
                m: 0,
                p: 1.5,
                bgcolor: 'action.hover',
                borderRadius: 1,
                fontFamily: 'monospace',
                fontSize: 12,
                lineHeight: 1.45,
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
                maxHeight: '65vh',
                overflow: 'auto',
              }}
            >
              {cut ? text.slice(0, SHOWN_CHARACTERS) : text}
            </Box>
          </>
        ) : null}
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
          Shown as plain text: links, images and scripts in it are never opened.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<DownloadIcon />} href={inboundMessageRawUrl(message.id)} download={`inbound-message-${message.id}.eml`}>
          Download .eml
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
};
