import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useDataProvider, useListContext, useNotify } from 'react-admin';
import { errorMessage } from '../dataProvider';
import { downloadJobsCsv } from './jobCsv';
import type { Job } from './types';

/** The most rows the API answers in one page. */
const PAGE = 1000;

/** "Export N results": every row the filters give (all pages, not only the one shown), as the list shows them. */
export const ExportJobsButton = ({ filename }: { filename: string }) => {
  const { total, filterValues, sort, resource, isPending } = useListContext<Job>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const count = total ?? 0;

  const exportAll = async () => {
    setBusy(true);
    try {
      const rows: Job[] = [];
      for (let page = 1; ; page += 1) {
        const { data, total: all = 0 } = await dataProvider.getList<Job>(resource, {
          pagination: { page, perPage: PAGE },
          sort,
          filter: filterValues,
        });
        rows.push(...data);
        if (data.length < PAGE || rows.length >= all) break;
      }
      downloadJobsCsv(filename, rows);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={() => void exportAll()} disabled={busy || isPending || count === 0}>
      Export {count} {count === 1 ? 'result' : 'results'}
    </Button>
  );
};
