import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { createElement } from 'react';
import { Loading, ShowBase, useNavigate, useParams, usePermissions, useRecordContext } from 'react-admin';
import { hasPermission } from '../permissions';
import type { Account } from '../types';
import { accountTabPath } from './accountTabPath';
import { accountTabs } from './accountTabs';
import { AccountHeaderPanel } from './header/AccountHeaderPanel';

/** Side tabs on the left, the selected tab's content on the right; the tab lives in the URL. */
const AccountTabs = () => {
  const account = useRecordContext<Account>();
  const params = useParams();
  const navigate = useNavigate();
  const { permissions } = usePermissions<string[]>();
  const tabs = accountTabs.filter((tab) => !tab.permission || hasPermission(permissions, tab.permission));
  if (!account) return <Loading />;

  const current = tabs.find((tab) => tab.path === (params['*'] ?? '').split('/')[0]) ?? tabs[0];

  return (
    <Box sx={{ display: 'flex', gap: 2, mt: 2, alignItems: 'flex-start', flexDirection: { xs: 'column', md: 'row' } }}>
      <Paper sx={{ flexShrink: 0, width: { xs: '100%', md: 190 } }}>
        <Tabs
          orientation="vertical"
          value={current.path}
          onChange={(_event, path: string) => navigate(accountTabPath(account.id, path))}
          aria-label="Account sections"
          sx={{ '& .MuiTab-root': { alignItems: 'flex-start', textAlign: 'left' } }}
        >
          {tabs.map((tab) => (
            <Tab key={tab.path} value={tab.path} label={tab.label} id={`account-tab-${tab.path || 'overview'}`} />
          ))}
        </Tabs>
      </Paper>
      <Box
        role="tabpanel"
        aria-labelledby={`account-tab-${current.path || 'overview'}`}
        sx={{ flexGrow: 1, minWidth: 0, width: { xs: '100%', md: 'auto' } }}
      >
        {createElement(current.component, { account })}
      </Box>
    </Box>
  );
};

/** The account page: #/accounts/:id/show[/tab]. */
export const AccountShow = () => {
  const { id } = useParams();
  if (!id) return null;
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <AccountHeaderPanel accountId={id} />
      <ShowBase id={id} resource="accounts">
        <AccountTabs />
      </ShowBase>
    </Box>
  );
};
