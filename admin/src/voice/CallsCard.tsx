import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Datagrid, FunctionField, ListBase, Pagination } from 'react-admin';
import { formatDateTime } from '../accounts/formatting';
import { CallFilters } from './CallFilters';
import { CallTotals } from './CallTotals';
import { ExportCallsButton } from './ExportCallsButton';
import { accountCallsResource, type DidHolding, type VoiceCall } from './types';
import { DIRECTION_LABELS, formatCallLength, formatPhoneNumber, formatRate, formatSettlement } from './voiceFormatting';

interface CallsCardProps {
  accountId: number;
  numbers: DidHolding[];
  currency: string | undefined;
}

/** The account's call detail records, as imported from the switch's files: filters, totals, export, then the calls, latest first. */
export const CallsCard = ({ accountId, numbers, currency }: CallsCardProps) => (
  <Card>
    <CardContent>
      <ListBase
        resource={accountCallsResource(accountId)}
        sort={{ field: 'startedAt', order: 'DESC' }}
        perPage={25}
        disableSyncWithLocation
        storeKey={false}
      >
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 2 }}>
          <Typography variant="h6" component="h2">
            Call detail records
          </Typography>
          <ExportCallsButton />
        </Stack>
        <CallFilters numbers={numbers} />
        <CallTotals accountId={accountId} currency={currency} />
        <Box role="region" aria-label="Calls list">
          <Datagrid bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>No calls match.</Box>}>
            <FunctionField<VoiceCall> source="startedAt" label="Started" render={(c) => formatDateTime(c.startedAt)} />
            <FunctionField<VoiceCall> source="direction" label="Direction" render={(c) => DIRECTION_LABELS[c.direction]} />
            <FunctionField<VoiceCall> source="fromNumber" label="From" render={(c) => formatPhoneNumber(c.fromNumber)} />
            <FunctionField<VoiceCall> source="toNumber" label="To" render={(c) => formatPhoneNumber(c.toNumber)} />
            <FunctionField<VoiceCall> label="DID" sortable={false} render={(c) => formatPhoneNumber(c.didNumber)} />
            <FunctionField<VoiceCall>
              source="durationSeconds"
              label="Talk time"
              textAlign="right"
              render={(c) => formatCallLength(c.durationSeconds)}
            />
            <FunctionField<VoiceCall>
              source="billedSeconds"
              label="Billed"
              textAlign="right"
              render={(c) => formatCallLength(c.billedSeconds)}
            />
            <FunctionField<VoiceCall> label="Rate" sortable={false} render={(c) => `${formatRate(c.rate, currency)} · ${c.ratePrefix}`} />
            <FunctionField<VoiceCall> label="Billing" sortable={false} render={(c) => formatSettlement(c)} />
          </Datagrid>
        </Box>
        <Pagination rowsPerPageOptions={[10, 25, 50, 100]} />
      </ListBase>
    </CardContent>
  </Card>
);
