import { Admin, Resource } from 'react-admin';
import { actionHistory } from './actionHistory';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import { Layout } from './layout';
import { LoginPage } from './login';
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
    <Resource name="users" {...users} />
    <Resource name="roles" {...roles} />
    <Resource name="action-history" {...actionHistory} />
    <Resource name="view-history" {...viewHistory} />
  </Admin>
);
