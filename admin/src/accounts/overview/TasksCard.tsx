import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { Permissions, useHasPermission } from '../../permissions';
import type { AccountTask } from '../../types';
import { useAccountChanged } from '../useAccountChanged';
import { AddTaskDialog } from './AddTaskDialog';
import { SectionCard } from './SectionCard';
import { TaskItem } from './TaskItem';

type TaskView = 'incomplete' | 'complete';

export const TasksCard = ({ accountId }: { accountId: number }) => {
  const canManage = useHasPermission(Permissions.AccountsManage);
  const accountChanged = useAccountChanged();
  const [view, setView] = useState<TaskView>('incomplete');
  const [adding, setAdding] = useState(false);
  const completed = view === 'complete';
  const {
    data: tasks = [],
    isPending,
    refetch,
  } = useGetList<AccountTask>('account-tasks', {
    filter: { accountId, completed },
    sort: completed ? { field: 'createdAt', order: 'DESC' } : { field: 'dueDate', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });

  const changed = () => {
    void refetch();
    void accountChanged();
  };

  return (
    <SectionCard
      title="Tasks"
      action={
        canManage ? (
          <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Add task
          </Button>
        ) : null
      }
    >
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view}
        onChange={(_event, value: TaskView | null) => value && setView(value)}
        aria-label="Which tasks"
        sx={{ mb: 1 }}
      >
        <ToggleButton value="incomplete">Incomplete</ToggleButton>
        <ToggleButton value="complete">Complete</ToggleButton>
      </ToggleButtonGroup>
      {!isPending && tasks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {completed ? 'No completed tasks.' : 'Nothing to do.'}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0 }} aria-label={completed ? 'Complete tasks' : 'Incomplete tasks'}>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} canManage={canManage} onChanged={changed} />
          ))}
        </Box>
      )}
      {adding ? <AddTaskDialog accountId={accountId} open onClose={() => setAdding(false)} onAdded={changed} /> : null}
    </SectionCard>
  );
};
