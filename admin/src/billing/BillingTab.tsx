import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { createElement } from 'react';
import { useNavigate, useParams } from 'react-admin';
import { accountTabPath } from '../accounts/accountTabPath';
import type { AccountTabProps } from '../accounts/accountTabs';
import { billingTabs } from './billingTabs';

/** The account's Billing side tab: inner tabs along the top, kept in the URL as /show/billing/<tab>. */
export const BillingTab = ({ account }: AccountTabProps) => {
  const params = useParams();
  const navigate = useNavigate();
  const segment = (params['*'] ?? '').split('/')[1] ?? '';
  const current = billingTabs.find((tab) => tab.path === segment) ?? billingTabs[0];

  return (
    <Box>
      <Paper sx={{ mb: 2 }}>
        <Tabs
          value={current.path}
          onChange={(_event, path: string) => navigate(accountTabPath(account.id, `billing/${path}`))}
          variant="scrollable"
          scrollButtons="auto"
          aria-label="Billing sections"
        >
          {billingTabs.map((tab) => (
            <Tab key={tab.path} value={tab.path} label={tab.label} id={`billing-tab-${tab.path}`} />
          ))}
        </Tabs>
      </Paper>
      <Box role="tabpanel" aria-labelledby={`billing-tab-${current.path}`}>
        {createElement(current.component, { account })}
      </Box>
    </Box>
  );
};
