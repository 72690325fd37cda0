import DeleteIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useDataProvider, useGetList, useNotify } from 'react-admin';
import type { TicketHoliday } from './types';

/** Whole days on which the target clock stops, in date order; added and removed here. */
export const HolidaysSection = ({ canEdit }: { canEdit: boolean }) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const { data = [], refetch } = useGetList<TicketHoliday>('ticket-holidays', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'date', order: 'ASC' },
  });
  const [date, setDate] = useState('');
  const [name, setName] = useState('');

  const add = async () => {
    try {
      await dataProvider.create('ticket-holidays', { data: { date, name } });
      setDate('');
      setName('');
      await refetch();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The holiday was not added', { type: 'error' });
    }
  };
  const remove = async (holiday: TicketHoliday) => {
    try {
      await dataProvider.delete('ticket-holidays', { id: holiday.id, previousData: holiday });
      await refetch();
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The holiday was not removed', { type: 'error' });
    }
  };

  return (
    <>
      {data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No holidays.
        </Typography>
      ) : (
        <Table size="small" aria-label="Holidays">
          <TableHead>
            <TableRow>
              <TableCell>Date</TableCell>
              <TableCell>Name</TableCell>
              {canEdit ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((holiday) => (
              <TableRow key={holiday.id}>
                <TableCell>{holiday.date}</TableCell>
                <TableCell>{holiday.name}</TableCell>
                {canEdit ? (
                  <TableCell align="right">
                    <IconButton size="small" aria-label={`Remove ${holiday.name}`} onClick={() => void remove(holiday)}>
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
        <Stack direction="row" spacing={1} sx={{ mt: 1 }} alignItems="center">
          <TextField
            size="small"
            type="date"
            label="Date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField size="small" label="Name" value={name} onChange={(e) => setName(e.target.value)} />
          <Button variant="outlined" disabled={!date || !name.trim()} onClick={() => void add()}>
            Add holiday
          </Button>
        </Stack>
      ) : null}
    </>
  );
};
