import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Confirm, useDelete, useNotify, useUpdate } from 'react-admin';
import { accountFileDownloadUrl, errorMessage } from '../../dataProvider';
import type { AccountFile } from '../../types';
import { formatBytes, formatDateTime } from '../formatting';
import { fileTypeLabel } from './FileTile';

interface FileDrawerProps {
  file: AccountFile | null;
  canManage: boolean;
  onClose: () => void;
  onChanged: () => void;
}

const FileDetails = ({ file, canManage, onClose, onChanged }: FileDrawerProps & { file: AccountFile }) => {
  const notify = useNotify();
  const [update, { isPending: renaming }] = useUpdate<AccountFile>();
  const [remove, { isPending: deleting }] = useDelete<AccountFile>();
  const [name, setName] = useState(file.name);
  const [confirming, setConfirming] = useState(false);

  const rename = async () => {
    try {
      await update(
        'account-files',
        { id: file.id, data: { name: name.trim() }, previousData: file },
        { returnPromise: true, mutationMode: 'pessimistic' },
      );
      notify('File renamed', { type: 'success' });
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  const confirmDelete = async () => {
    try {
      await remove('account-files', { id: file.id, previousData: file }, { returnPromise: true, mutationMode: 'pessimistic' });
      setConfirming(false);
      onClose();
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  const rows: [string, string][] = [
    ['Size', formatBytes(file.sizeBytes)],
    ['Type', `${fileTypeLabel(file)} (${file.mimeType})`],
    ['Uploaded by', file.uploadedByName ?? '—'],
    ['Uploaded', formatDateTime(file.createdAt)],
  ];

  return (
    <Box sx={{ width: 360, p: 2 }} role="region" aria-label="File details">
      <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
        {file.name}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, my: 2 }}>
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      <Button variant="contained" startIcon={<DownloadIcon />} href={accountFileDownloadUrl(file.id)} download={file.name}>
        Download
      </Button>
      {canManage ? (
        <Stack spacing={1} sx={{ mt: 3 }}>
          <TextField label="File name" size="small" value={name} onChange={(event) => setName(event.target.value)} />
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={rename} disabled={renaming || name.trim() === '' || name.trim() === file.name}>
              Rename
            </Button>
            <Button color="error" onClick={() => setConfirming(true)}>
              Delete file
            </Button>
          </Stack>
        </Stack>
      ) : null}
      <Confirm
        isOpen={confirming}
        loading={deleting}
        title="Delete this file?"
        content={`"${file.name}" and its contents are removed. This cannot be undone.`}
        confirm="Delete"
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};

/** Side panel with a file's details, its download, rename and delete. */
export const FileDrawer = (props: FileDrawerProps) => (
  <Drawer anchor="right" open={props.file !== null} onClose={props.onClose}>
    {props.file ? <FileDetails key={props.file.id} {...props} file={props.file} /> : null}
  </Drawer>
);
