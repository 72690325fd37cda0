import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Loading, Title, useGetOne } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { BusinessHoursForm } from './BusinessHoursForm';
import { HolidaysSection } from './HolidaysSection';
import { TargetsSection } from './TargetsSection';
import type { BusinessHours } from './types';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card variant="outlined" sx={{ mb: 2 }}>
    <CardContent>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** #/ticket-deadlines: business hours, holidays and targets; read only without tickets.configure. */
export const TicketDeadlinesPage = () => {
  const canEdit = useHasPermission(Permissions.TicketsConfigure);
  const { data: hours, error, refetch, dataUpdatedAt } = useGetOne<BusinessHours>('ticket-business-hours', { id: 'week' });
  return (
    <Box sx={{ mt: 2, mb: 4, maxWidth: 900 }}>
      <Title title="Ticket deadlines" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Each open ticket has a first-response and a resolution deadline, worked out from the target of its group and priority. The clock
        runs only during business hours and stops on holidays. When a deadline passes, the assignee and the group are emailed, a task is
        left on the account, and the priority goes up a step if the target says so.
      </Typography>
      <Section title="Targets">
        <TargetsSection canEdit={canEdit} />
      </Section>
      <Section title="Business hours">
        {error ? <Alert severity="error">{error instanceof Error ? error.message : 'The hours could not be read'}</Alert> : null}
        {!hours && !error ? <Loading /> : null}
        {hours ? <BusinessHoursForm key={dataUpdatedAt} hours={hours} canEdit={canEdit} onSaved={() => void refetch()} /> : null}
      </Section>
      <Section title="Holidays">
        <HolidaysSection canEdit={canEdit} />
      </Section>
    </Box>
  );
};
