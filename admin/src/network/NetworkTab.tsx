import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { createElement } from 'react';
import { useNavigate, useParams } from 'react-admin';
import { accountTabPath } from '../accounts/accountTabPath';
import type { AccountTabProps } from '../accounts/accountTabs';
import { NetworkStatusCard } from './NetworkStatusCard';
import { networkTabs } from './networkTabs';
import { SessionEnforcementPanel } from './SessionEnforcementPanel';

/**
 * The account's Network & Inventory side tab: whether the servers are in step with the account and
 * whether its live sessions are limited, then inner tabs along the top, kept in the URL as /show/network/<tab>.
 */
export const NetworkTab = ({ account }: AccountTabProps) => {
  const params = useParams();
  const navigate = useNavigate();
  const segment = (params['*'] ?? '').split('/')[1] ?? '';
  const current = networkTabs.find((tab) => tab.path === segment) ?? networkTabs[0];

  return (
    <Box>
      <NetworkStatusCard accountId={account.id} />
      <SessionEnforcementPanel accountId={account.id} />
      <Paper sx={{ mb: 2 }}>
        <Tabs
          value={current.path}
          onChange={(_event, path: string) => navigate(accountTabPath(account.id, `network/${path}`))}
          variant="scrollable"
          scrollButtons="auto"
          aria-label="Network sections"
        >
          {networkTabs.map((tab) => (
            <Tab key={tab.path} value={tab.path} label={tab.label} id={`network-tab-${tab.path}`} />
          ))}
        </Tabs>
      </Paper>
      <Box role="tabpanel" aria-labelledby={`network-tab-${current.path}`}>
        {createElement(current.component, { account })}
      </Box>
    </Box>
  );
};
