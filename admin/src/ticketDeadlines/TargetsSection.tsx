import DeleteIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/Edit';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDataProvider, useGetList, useNotify } from 'react-admin';
import { formatDuration } from './durations';
import { TargetDialog } from './TargetDialog';
import { type DeadlineTarget, PRIORITIES } from './types';

const order = (t: DeadlineTarget) => `${t.groupName ?? ''}|${PRIORITIES.indexOf(t.priority)}`;

/** The first-response and resolution targets per ticket group and priority, the default first. */
export const TargetsSection = ({ canEdit }: { canEdit: boolean }) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const { data = [], refetch } = useGetList<DeadlineTarget>('ticket-deadline-targets', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  const [editing, setEditing] = useState<DeadlineTarget | 'new' | null>(null);
  const targets = [...data].sort((a, b) => order(a).localeCompare(order(b)));

  const remove = async (target: DeadlineTarget) => {
    try {
      await dataProvider.delete('ticket-deadline-targets', { id: target.id, previousData: target });
      await refetch();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The target was not removed', { type: 'error' });
    }
  };

  return (
    <>
      {targets.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No targets: tickets have no deadlines.
        </Typography>
      ) : (
        <Table size="small" aria-label="Targets">
          <TableHead>
            <TableRow>
              <TableCell>Ticket group</TableCell>
              <TableCell>Priority</TableCell>
              <TableCell>First response</TableCell>
              <TableCell>Resolution</TableCell>
              <TableCell>Missed: raise priority</TableCell>
              {canEdit ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {targets.map((target) => (
              <TableRow key={target.id}>
                <TableCell>{target.groupName ?? 'Default'}</TableCell>
                <TableCell>{target.priority}</TableCell>
                <TableCell>{formatDuration(target.firstResponseSeconds)}</TableCell>
                <TableCell>{formatDuration(target.resolutionSeconds)}</TableCell>
                <TableCell>{target.raisePriorityOnBreach ? 'Yes' : 'No'}</TableCell>
                {canEdit ? (
                  <TableCell align="right">
                    <IconButton
                      size="small"
                      aria-label={`Change the ${target.priority} target of ${target.groupName ?? 'the default'}`}
                      onClick={() => setEditing(target)}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={`Remove the ${target.priority} target of ${target.groupName ?? 'the default'}`}
                      onClick={() => void remove(target)}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit ? (
        <Button variant="outlined" sx={{ mt: 1 }} onClick={() => setEditing('new')}>
          Add target
        </Button>
      ) : null}
      {editing ? (
        <TargetDialog
          target={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void refetch();
          }}
        />
      ) : null}
    </>
  );
};
