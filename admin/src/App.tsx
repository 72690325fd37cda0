import { Admin, Resource } from 'react-admin';
import { accountGroups } from './accountGroups';
import { accounts } from './accounts';
import { accountStatuses } from './accountStatuses';
import { accountTypes } from './accountTypes';
import { actionHistory } from './actionHistory';
import { authProvider } from './authProvider';
import { customFields } from './customFields';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import { Layout } from './layout';
import { LoginPage } from './login';
import { messageCategories } from './messageCategories';
import { roles } from './roles';
import { users } from './users';
import { viewHistory } from './viewHistory';

/**
 * Routes are hash-based (react-admin's default), e.g. /admin/#/users, so the API
 * only has to serve /admin/index.html and the assets.
 */
export const App = () => (
  <Admin
    title="Backhaul"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    <Resource name="accounts" {...accounts} />
    <Resource name="users" {...users} />
    <Resource name="roles" {...roles} />
    <Resource name="action-history" {...actionHistory} />
    <Resource name="view-history" {...viewHistory} />
    <Resource name="account-types" {...accountTypes} />
    <Resource name="account-statuses" {...accountStatuses} />
    <Resource name="account-groups" {...accountGroups} />
    <Resource name="message-categories" {...messageCategories} />
    <Resource name="custom-fields" {...customFields} />
    {/* Owned by an account and shown on its page only. */}
    <Resource name="contacts" recordRepresentation="name" />
    <Resource name="account-notes" />
    <Resource name="account-tasks" recordRepresentation="title" />
    <Resource name="account-files" recordRepresentation="name" />
  </Admin>
);
