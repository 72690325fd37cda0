import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import { useListContext } from 'react-admin';
import { exportCsvUrl } from '../dataProvider';

/** "Export N results": the server's CSV of every call the filters match, in the list's order (not only the page shown). */
export const ExportCallsButton = () => {
  const { filterValues, sort, resource, total, isPending } = useListContext();
  const count = total ?? 0;

  const download = () => {
    const link = document.createElement('a');
    link.href = exportCsvUrl(resource, { filter: filterValues as Record<string, unknown>, sort });
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={download} disabled={isPending || count === 0}>
      Export {count} {count === 1 ? 'result' : 'results'}
    </Button>
  );
};
