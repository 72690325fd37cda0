import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { createElement } from 'react';
import { useNavigate, useParams } from 'react-admin';
import { accountTabPath } from '../accounts/accountTabPath';
import type { AccountTabProps } from '../accounts/accountTabs';
import { correspondenceTabs } from './correspondenceTabs';

/** The account's Correspondence side tab: Call Logs and Emails along the top, kept in the URL as /show/correspondence/<tab>. */
export const CorrespondenceTab = ({ account }: AccountTabProps) => {
  const params = useParams();
  const navigate = useNavigate();
  const segment = (params['*'] ?? '').split('/')[1] ?? '';
  const current = correspondenceTabs.find((tab) => tab.path === segment) ?? correspondenceTabs[0];

  return (
    <Box>
      <Paper sx={{ mb: 2 }}>
        <Tabs
          value={current.path}
          onChange={(_event, path: string) => navigate(accountTabPath(account.id, `correspondence/${path}`))}
          aria-label="Correspondence sections"
        >
          {correspondenceTabs.map((tab) => (
            <Tab key={tab.path} value={tab.path} label={tab.label} id={`correspondence-tab-${tab.path}`} />
          ))}
        </Tabs>
      </Paper>
      <Box role="tabpanel" aria-labelledby={`correspondence-tab-${current.path}`}>
        {createElement(current.component, { account })}
      </Box>
    </Box>
  );
};
