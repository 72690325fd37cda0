import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Confirm, useDelete, useNotify, useUpdate } from 'react-admin';
import type { AccountTask } from '../../types';
import { formatDate, formatDateTime } from '../formatting';
import { errorMessage } from '../../dataProvider';

interface TaskItemProps {
  task: AccountTask;
  canManage: boolean;
  onChanged: () => void;
}

/** One task: complete or reopen it with the checkbox or the button; delete after confirming. */
export const TaskItem = ({ task, canManage, onChanged }: TaskItemProps) => {
  const notify = useNotify();
  const [update, { isPending: saving }] = useUpdate<AccountTask>();
  const [remove, { isPending: deleting }] = useDelete<AccountTask>();
  const [confirming, setConfirming] = useState(false);
  const overdue = !task.completed && task.dueDate !== null && task.dueDate < new Date().toISOString().slice(0, 10);

  const setCompleted = async (completed: boolean) => {
    try {
      await update(
        'account-tasks',
        { id: task.id, data: { completed }, previousData: task },
        { returnPromise: true, mutationMode: 'pessimistic' },
      );
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  const confirmDelete = async () => {
    try {
      await remove('account-tasks', { id: task.id, previousData: task }, { returnPromise: true, mutationMode: 'pessimistic' });
      setConfirming(false);
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  return (
    <Box component="li" sx={{ listStyle: 'none', py: 0.5, borderBottom: 1, borderColor: 'divider' }} aria-label={`Task: ${task.title}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Checkbox
          size="small"
          checked={task.completed}
          disabled={!canManage || saving}
          onChange={(event) => void setCompleted(event.target.checked)}
          slotProps={{ input: { 'aria-label': `${task.completed ? 'Reopen' : 'Complete'} ${task.title}` } }}
          sx={{ mt: -0.5 }}
        />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="body2" sx={{ textDecoration: task.completed ? 'line-through' : 'none', overflowWrap: 'anywhere' }}>
            {task.title}
          </Typography>
          {task.description ? (
            <Typography variant="caption" color="text.secondary" component="div">
              {task.description}
            </Typography>
          ) : null}
          <Typography variant="caption" color={overdue ? 'error' : 'text.secondary'} component="div">
            {[
              task.assignedUserName ? `Assigned to ${task.assignedUserName}` : 'Unassigned',
              task.dueDate ? `Due ${formatDate(task.dueDate)}${overdue ? ' (overdue)' : ''}` : null,
              task.completed
                ? `Completed ${formatDateTime(task.completedAt)}${task.completedByName ? ` by ${task.completedByName}` : ''}`
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Box>
        {canManage ? (
          <Stack direction="row" spacing={0.5} sx={{ flexShrink: 0 }}>
            <Button size="small" onClick={() => void setCompleted(!task.completed)} disabled={saving}>
              {task.completed ? 'Reopen' : 'Complete'}
            </Button>
            <Button size="small" color="error" onClick={() => setConfirming(true)} aria-label={`Delete task ${task.title}`}>
              Delete
            </Button>
          </Stack>
        ) : null}
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={deleting}
        title="Delete this task?"
        content={`"${task.title}" is removed. This cannot be undone.`}
        confirm="Delete"
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
