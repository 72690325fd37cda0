import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Job } from './types';

/** The job's technicians, each with their calendar colour; a dash while nobody is booked. */
export const TechnicianNames = ({ technicians }: Pick<Job, 'technicians'>) =>
  technicians.length === 0 ? (
    <Typography variant="body2" color="text.secondary">
      —
    </Typography>
  ) : (
    <Stack spacing={0.25}>
      {technicians.map((technician) => (
        <Stack key={technician.id} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: technician.color, flexShrink: 0 }} aria-hidden />
          <Typography variant="body2">{technician.name}</Typography>
        </Stack>
      ))}
    </Stack>
  );
