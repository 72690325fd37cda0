import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import type { AccountTabProps } from '../accountTabs';
import { AccountActionHistory } from './AccountActionHistory';
import { AccountViewHistory } from './AccountViewHistory';

type LogKind = 'actions' | 'views';

/** Action history and view history of the account, one inner tab each. */
export const AllLogsTab = ({ account }: AccountTabProps) => {
  const [kind, setKind] = useState<LogKind>('actions');
  return (
    <Card>
      <Tabs value={kind} onChange={(_event, value: LogKind) => setKind(value)} aria-label="Log kind" sx={{ px: 2 }}>
        <Tab value="actions" label="Action history" />
        <Tab value="views" label="View history" />
      </Tabs>
      <Box sx={{ px: 1 }}>
        {kind === 'actions' ? <AccountActionHistory accountId={account.id} /> : <AccountViewHistory accountId={account.id} />}
      </Box>
    </Card>
  );
};
