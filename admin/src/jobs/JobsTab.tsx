import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Datagrid, FunctionField, ListBase, Pagination } from 'react-admin';
import type { AccountTabProps } from '../accounts/accountTabs';
import { Permissions, useHasPermission } from '../permissions';
import { ExportJobsButton } from './ExportJobsButton';
import { JobCell, JobRowEnd, TicketCell } from './JobColumns';
import { JobAttachmentIcons } from './JobAttachmentIcons';
import { JobFilters } from './JobFilters';
import { JobFormDialog } from './JobFormDialog';
import { jobShowPath } from './jobPath';
import { JobStatusChip } from './JobStatusChip';
import { TechnicianNames } from './TechnicianNames';
import { accountJobsResource, type Job } from './types';
import { useJobActionDialogs } from './useJobActionDialogs';

/**
 * The account's Jobs tab: filters, "Export N results" and Create Job on top, then the jobs, latest first.
 * A row opens the job's page; its arrow, a side panel to glance at it without leaving the list.
 */
export const JobsTab = ({ account }: AccountTabProps) => {
  const canWrite = useHasPermission(Permissions.JobsWrite);
  const [creating, setCreating] = useState(false);
  const { run, element } = useJobActionDialogs(canWrite);

  return (
    <Card>
      <CardContent>
        <ListBase
          resource={accountJobsResource(account.id)}
          sort={{ field: 'startsAt', order: 'DESC' }}
          perPage={25}
          disableSyncWithLocation
          storeKey={false}
        >
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 2 }}>
            <Typography variant="h6" component="h2">
              Jobs
            </Typography>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <ExportJobsButton filename={`jobs-account-${account.id}`} />
              {canWrite ? (
                <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
                  Create Job
                </Button>
              ) : null}
            </Stack>
          </Stack>
          <JobFilters />
          <Box role="region" aria-label="Jobs list">
            <Datagrid
              bulkActionButtons={false}
              rowClick={(id) => jobShowPath(id)}
              sx={{ mt: 1 }}
              empty={<div style={{ padding: 16 }}>No jobs match.</div>}
            >
              <FunctionField<Job> source="startsAt" label="Job" render={(job) => <JobCell job={job} />} />
              <FunctionField<Job> label="Ticket" sortable={false} render={(job) => <TicketCell job={job} />} />
              <FunctionField<Job> label="Attachments" sortable={false} render={(job) => <JobAttachmentIcons job={job} />} />
              <FunctionField<Job> source="status" label="Status" render={(job) => <JobStatusChip status={job.status} />} />
              <FunctionField<Job>
                label="Technicians"
                sortable={false}
                render={(job) => <TechnicianNames technicians={job.technicians} />}
              />
              <FunctionField<Job> label="" textAlign="right" render={(job) => <JobRowEnd job={job} canWrite={canWrite} onAction={run} />} />
            </Datagrid>
          </Box>
          <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />
        </ListBase>
      </CardContent>
      {creating ? <JobFormDialog accountId={account.id} onClose={() => setCreating(false)} /> : null}
      {element}
    </Card>
  );
};
