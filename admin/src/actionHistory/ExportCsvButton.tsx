import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext } from 'react-admin';
import { exportCsvUrl } from '../dataProvider';

/**
 * Downloads the server's CSV for the current filters and sort (the whole result,
 * not just the page). A same-origin link, so the browser streams the file with
 * the session cookie and names it from Content-Disposition. `filter` adds the list's
 * permanent filter (an account's own log), which the list context leaves out.
 */
export const ExportCsvButton = ({ filter = {} }: { filter?: Record<string, unknown> }) => {
  const { filterValues, sort, resource, total } = useListContext();

  const handleClick = () => {
    const link = document.createElement('a');
    link.href = exportCsvUrl(resource, { filter: { ...filterValues, ...filter }, sort });
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  return (
    <Button label="Export CSV" onClick={handleClick} disabled={total === 0}>
      <DownloadIcon />
    </Button>
  );
};
