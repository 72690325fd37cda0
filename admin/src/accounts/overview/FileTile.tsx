import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import { accountFileThumbnailUrl } from '../../dataProvider';
import type { AccountFile } from '../../types';

/** "image/png" → "PNG"; otherwise the name's extension, or "FILE". */
export const fileTypeLabel = (file: Pick<AccountFile, 'mimeType' | 'name'>): string => {
  const subtype = file.mimeType?.split('/')[1]?.split(/[+.;-]/)[0];
  if (subtype && subtype !== 'octet') return subtype.toUpperCase();
  const extension = file.name.includes('.') ? file.name.split('.').pop() : undefined;
  return (extension || 'file').toUpperCase();
};

/** A square tile: the thumbnail for images, otherwise grey with the file's type. */
export const FileTile = ({ file, onOpen }: { file: AccountFile; onOpen: () => void }) => (
  <ButtonBase
    onClick={onOpen}
    aria-label={`File ${file.name}`}
    sx={{ display: 'flex', flexDirection: 'column', width: 112, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}
  >
    {file.hasThumbnail ? (
      <Box
        component="img"
        src={accountFileThumbnailUrl(file.id)}
        alt={`Preview of ${file.name}`}
        loading="lazy"
        sx={{ width: 112, height: 84, objectFit: 'cover', display: 'block', bgcolor: 'grey.200' }}
      />
    ) : (
      <Box sx={{ width: 112, height: 84, bgcolor: 'grey.300', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Typography variant="subtitle2" color="text.secondary">
          {fileTypeLabel(file)}
        </Typography>
      </Box>
    )}
    <Typography variant="caption" noWrap sx={{ width: '100%', px: 0.5, py: 0.25, textAlign: 'left' }} title={file.name}>
      {file.name}
    </Typography>
  </ButtonBase>
);
