import UploadIcon from '@mui/icons-material/UploadFile';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { errorMessage, useBackhaulDataProvider } from '../dataProvider';
import type { TileKind } from '../elevation/types';

/**
 * Upload of one GeoTIFF: terrain (ground heights above sea level, e.g. SRTM or Copernicus GLO-30) or
 * clutter (heights of trees and buildings above the ground). The server reads the file before keeping
 * it; one it cannot use is refused with the reason, shown here.
 */
export const UploadTileButton = () => {
  const dataProvider = useBackhaulDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TileKind>('dem');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (progress !== null) return;
    setOpen(false);
    setFile(null);
    setError(null);
  };

  const send = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const tile = await dataProvider.uploadElevationTile(kind, file, setProgress);
      notify(`Tile ${tile.name} kept: ${tile.width} × ${tile.height} cells`, { type: 'success' });
      setProgress(null);
      close();
      setOpen(false);
      refresh();
    } catch (err) {
      setError(errorMessage(err));
      setProgress(null);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<UploadIcon />} onClick={() => setOpen(true)}>
        Upload tile
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="upload-tile-title" fullWidth maxWidth="sm">
        <DialogTitle id="upload-tile-title">Upload an elevation tile</DialogTitle>
        <DialogContent>
          <RadioGroup value={kind} onChange={(event) => setKind(event.target.value as TileKind)} aria-label="Kind of tile">
            <FormControlLabel value="dem" control={<Radio />} label="Terrain (DEM): ground height above sea level" />
            <FormControlLabel value="clutter" control={<Radio />} label="Clutter: height of trees and buildings above the ground" />
          </RadioGroup>
          <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
            A single-band GeoTIFF on a latitude/longitude grid (EPSG:4326), such as an SRTM or Copernicus GLO-30 tile.
          </Typography>
          <Button component="label" variant="outlined" size="small">
            Choose file
            <input
              type="file"
              hidden
              accept=".tif,.tiff,image/tiff"
              aria-label="GeoTIFF file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setError(null);
              }}
            />
          </Button>
          <Typography variant="body2" component="span" sx={{ ml: 1 }}>
            {file ? file.name : 'No file chosen'}
          </Typography>
          {progress !== null ? <LinearProgress variant="determinate" value={progress} sx={{ mt: 2 }} aria-label="Upload progress" /> : null}
          {error ? (
            <Typography role="alert" color="error" variant="body2" sx={{ mt: 2 }}>
              {error}
            </Typography>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={progress !== null}>
            Cancel
          </Button>
          <Button variant="contained" onClick={send} disabled={!file || progress !== null}>
            Upload
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
