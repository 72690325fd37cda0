import UploadIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { type ChangeEvent, useRef, useState } from 'react';
import { useGetList, useNotify } from 'react-admin';
import { errorMessage, useBackhaulDataProvider } from '../../dataProvider';
import { Permissions, useHasPermission } from '../../permissions';
import type { AccountFile } from '../../types';
import { useAccountChanged } from '../useAccountChanged';
import { FileDrawer } from './FileDrawer';
import { FileTile } from './FileTile';
import { SectionCard } from './SectionCard';

export const FilesCard = ({ accountId }: { accountId: number }) => {
  const dataProvider = useBackhaulDataProvider();
  const canManage = useHasPermission(Permissions.AccountsManage);
  const notify = useNotify();
  const accountChanged = useAccountChanged();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const { data: files = [], refetch } = useGetList<AccountFile>('account-files', {
    filter: { accountId },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });

  const changed = () => {
    void refetch();
    void accountChanged();
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProgress(0);
    try {
      await dataProvider.uploadAccountFile(accountId, file, setProgress);
      notify(`Uploaded ${file.name}`, { type: 'success' });
      changed();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  return (
    <SectionCard
      title="Files"
      action={
        canManage ? (
          <>
            <input ref={input} type="file" hidden onChange={upload} aria-label="File to upload" data-testid="file-input" />
            <Button
              size="small"
              variant="outlined"
              startIcon={<UploadIcon />}
              onClick={() => input.current?.click()}
              disabled={progress !== null}
            >
              Upload file
            </Button>
          </>
        ) : null
      }
    >
      {progress !== null ? (
        <Box sx={{ mb: 1 }}>
          <LinearProgress variant="determinate" value={progress} aria-label="Upload progress" />
          <Typography variant="caption" color="text.secondary">
            Uploading… {progress}%
          </Typography>
        </Box>
      ) : null}
      {files.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No files yet. Up to 500 MB each.
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {files.map((file) => (
            <FileTile key={file.id} file={file} onOpen={() => setOpenId(file.id)} />
          ))}
        </Box>
      )}
      <FileDrawer
        file={files.find((file) => file.id === openId) ?? null}
        canManage={canManage}
        onClose={() => setOpenId(null)}
        onChanged={changed}
      />
    </SectionCard>
  );
};
