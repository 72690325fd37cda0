import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../accounts/formatting';
import { BillRunProgressBar } from '../billRuns/BillRunProgressBar';
import { useBackhaulDataProvider } from '../dataProvider';
import type { Schemas } from '../dataProvider/apiClient';
import { formatMoney } from '../money';
import { Permissions, useHasPermission } from '../permissions';
import { AgingChart } from './AgingChart';
import { FigureCard, FigureLink } from './FigureCard';
import { listLink, showLink } from './links';
import { MonthsChart } from './MonthsChart';
import { ProcessorEventsCard } from './ProcessorEventsCard';

type Figures = Schemas['DashboardDto'];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

const signed = (amount: number, currency: string) => (amount > 0 ? `+${formatMoney(amount, currency)}` : formatMoney(amount, currency));

const RUN_STATUS: Record<string, string> = { running: 'Running', completed: 'Completed', failed: 'Failed' };

/** The next run's due accounts come on their own request, so the other cards do not wait for the count. */
const NextBillRunLink = () => {
  const dataProvider = useBackhaulDataProvider();
  const { data, error } = useQuery({ queryKey: ['dashboard', 'next-bill-run'], queryFn: () => dataProvider.fetchNextBillRun() });
  if (error) {
    return (
      <Typography variant="body2" color="error">
        The next run's accounts could not be counted: {error instanceof Error ? error.message : String(error)}
      </Typography>
    );
  }
  return (
    <FigureLink
      figure="next-bill-run"
      to={listLink('bill-runs')}
      label={data ? `Next run, ${formatDate(data.runDate)}` : 'Next run'}
      value={data ? plural(data.dueAccounts, 'account') : 'Counting…'}
      detail="due as things stand now"
    />
  );
};

/** The cards in a grid that flows from one column on a phone to three on a wide screen. */
export const DashboardCards = ({ figures }: { figures: Figures }) => {
  const { currency, accounts, recurringRevenue, aging, months, lastBillRun, autopayToday, lateFees, emails } = figures;
  const money = (amount: number) => formatMoney(amount, currency);
  const canReadProcessorEvents = useHasPermission(Permissions.WebhooksRead);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(3, minmax(0, 1fr))' },
      }}
    >
      <FigureCard title="Accounts" caption="Every account by its status; each line opens those accounts.">
        <FigureLink figure="accounts-total" to={listLink('accounts')} label="All accounts" value={accounts.total.toLocaleString()} />
        <Box sx={{ display: 'grid', gap: 0.5, gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))' }}>
          {accounts.byStatus.map((s) => (
            <FigureLink
              key={s.accountStatusId}
              figure={`status-${s.accountStatusId}`}
              to={listLink('accounts', { accountStatusId: s.accountStatusId })}
              label={s.name}
              value={s.accounts.toLocaleString()}
            />
          ))}
        </Box>
      </FigureCard>

      <FigureCard
        title="Monthly recurring revenue"
        caption={`What every service on an account charges for one month, before taxes, against the last day of the previous month (${formatDate(recurringRevenue.previousMonthEnd)}).`}
      >
        <FigureLink
          figure="mrr"
          to={listLink('accounts')}
          label="Recurring each month"
          value={money(recurringRevenue.monthly)}
          detail={`${signed(recurringRevenue.change, currency)} since last month (${money(recurringRevenue.previousMonth)})`}
        />
      </FigureCard>

      <FigureCard
        title="Delinquency"
        caption="Accounts in a delinquency status now, and the late fees charged since the first of the month."
      >
        <FigureLink
          figure="delinquent"
          to={listLink('accounts', { delinquent: true })}
          label="Delinquent accounts"
          value={accounts.delinquent.toLocaleString()}
        />
        <FigureLink
          figure="late-fees"
          to={listLink('late-fees', { chargedFrom: lateFees.from, chargedTo: lateFees.to })}
          label="Late fees this month"
          value={money(lateFees.total)}
          detail={plural(lateFees.count, 'late fee')}
        />
      </FigureCard>

      <FigureCard
        title="Receivables aging"
        wide
        caption={`${money(figures.receivables)} owed on open invoices, by how many days each is past its due date.`}
      >
        <AgingChart aging={aging} currency={currency} />
      </FigureCard>

      <FigureCard title="Bill runs" caption="The latest bill run and the one the nightly schedule starts next.">
        {lastBillRun ? (
          <FigureLink
            figure="last-bill-run"
            to={showLink('bill-runs', lastBillRun.id)}
            label={`Last run, ${formatDate(lastBillRun.runDate)}`}
            value={`${plural(lastBillRun.invoices, 'invoice')}, ${money(lastBillRun.invoicedTotal)}`}
            detail={
              <Stack spacing={0.5} component="span" sx={{ display: 'flex' }}>
                <Chip
                  component="span"
                  size="small"
                  label={RUN_STATUS[lastBillRun.status] ?? lastBillRun.status}
                  color={lastBillRun.status === 'failed' ? 'error' : lastBillRun.status === 'running' ? 'info' : 'success'}
                  sx={{ alignSelf: 'flex-start' }}
                />
                {lastBillRun.status === 'running' ? <BillRunProgressBar run={lastBillRun} /> : null}
                <span>
                  {plural(lastBillRun.accounts, 'account')} billed, {plural(lastBillRun.parked, 'account')} parked,{' '}
                  {plural(lastBillRun.failures, 'failure')}
                </span>
              </Stack>
            }
          />
        ) : (
          <Typography variant="body2">No bill run yet.</Typography>
        )}
        <NextBillRunLink />
      </FigureCard>

      <FigureCard title="Autopay today" caption="Charges the autopay run made today, and the declines by the processor's reason.">
        {autopayToday.runId === null ? (
          <Typography variant="body2">No autopay run yet today.</Typography>
        ) : (
          <>
            <FigureLink
              figure="autopay-charged"
              to={showLink('autopay-runs', autopayToday.runId)}
              label="Charged"
              value={money(autopayToday.chargedTotal)}
              detail={plural(autopayToday.charged, 'charge')}
            />
            <FigureLink
              figure="autopay-declined"
              to={showLink('autopay-runs', autopayToday.runId)}
              label="Declined"
              value={money(autopayToday.declinedTotal)}
              detail={plural(autopayToday.declined, 'decline')}
            />
            {autopayToday.declines.length ? (
              <List dense disablePadding aria-label="Decline reasons">
                {autopayToday.declines.map((d) => (
                  <ListItem key={d.reason} disableGutters>
                    <ListItemText
                      primary={d.reason}
                      secondary={`${plural(d.attempts, 'account')}, ${money(d.amount)}`}
                      slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
                    />
                  </ListItem>
                ))}
              </List>
            ) : null}
          </>
        )}
      </FigureCard>

      <FigureCard title="Email" caption="Email still waiting for the mail relay, and email it refused.">
        <FigureLink
          figure="emails-queued"
          to={listLink('emails', { status: 'queued' })}
          label="Queued"
          value={emails.queued.toLocaleString()}
        />
        <FigureLink
          figure="emails-rejected"
          to={listLink('emails', { status: 'rejected' })}
          label="Rejected"
          value={emails.rejected.toLocaleString()}
        />
      </FigureCard>

      {canReadProcessorEvents ? <ProcessorEventsCard /> : null}

      <FigureCard
        title="Invoiced and paid by month"
        wide
        caption="Invoices dated in each of the last twelve months beside the payments received."
      >
        <MonthsChart months={months} currency={currency} />
      </FigureCard>
    </Box>
  );
};
