import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import { accountGroups } from './accountGroups';
import { addressLists } from './addressLists';
import { accounts } from './accounts';
import { accountStatuses } from './accountStatuses';
import { accountTypes } from './accountTypes';
import { actionHistory } from './actionHistory';
import { authProvider } from './authProvider';
import { autopayRuns } from './autopayRuns';
import { billRuns } from './billRuns';
import { AccountingPeriodPage, billingPages, BooksCheckPage, SystemBillingSettingsPage } from './billingSettings';
import { packages, services } from './catalog';
import { customFields } from './customFields';
import { dhcpServers } from './dhcpServers';
import { elevationTiles } from './elevationTiles';
import { emails } from './emails';
import { Dashboard } from './dashboard';
import { i18nProvider } from './i18nProvider';
import { inboundMessages } from './inboundMail';
import { inventoryItems, inventoryManufacturers, inventoryModels, stockLocations } from './inventory';
import { invoices } from './invoices';
import { DISPATCH_PATH, DispatchRoute, jobs } from './jobs';
import { JobSettingsPage, jobSettingsPages, jobTypes, technicians } from './jobSettings';
import { ipPools, ipSubnets, ipSupernets } from './ipam';
import { lateFees } from './lateFees';
import { dataProvider } from './dataProvider';
import { Layout } from './layout';
import { LoginPage } from './login';
import { messageCategories } from './messageCategories';
import { messageTemplates } from './messageTemplates';
import { nasDevices } from './nasDevices';
import { networkSites } from './networkSites';
import { networkReconciliations } from './networkReconciliations';
import { contractTemplates } from './contractTemplates';
import { nightlyRuns } from './nightlyRuns';
import { payments } from './payments';
import { roles } from './roles';
import { networkSettingsPages, SessionSpeedLimitsPage } from './sessionSpeedLimits';
import { taxes, taxTypes, taxZones } from './taxes';
import { ticketGroups, ticketStatuses } from './ticketSettings';
import { ticketDeadlinePages, TicketDeadlinesPage } from './ticketDeadlines';
import { tickets } from './tickets';
import { usagePolicies } from './usagePolicies';
import { users } from './users';
import { viewHistory } from './viewHistory';
import { dids, voiceCdrFiles, voiceCdrRejects, voiceRatePlans } from './voiceSettings';
import { webhookEvents } from './webhookEvents';

// The router react-admin already uses, so the custom pages need no router import of their own.
const { Route } = reactRouterProvider;

/**
 * Routes are hash-based (react-admin's default), e.g. /admin/#/users, so the API
 * only has to serve /admin/index.html and the assets.
 */
export const App = () => (
  <Admin
    title="Backhaul"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
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
    <Resource name="message-templates" {...messageTemplates} />
    <Resource name="contract-templates" {...contractTemplates} />
    <Resource name="custom-fields" {...customFields} />
    {/* The address plan, the NAS and DHCP servers, the address lists, the reconciliations and the inventory, under Settings; addresses and items go to accounts on the account page. */}
    <Resource name="ip-supernets" {...ipSupernets} />
    <Resource name="ip-subnets" {...ipSubnets} />
    <Resource name="ip-pools" {...ipPools} />
    <Resource name="nas-devices" {...nasDevices} />
    <Resource name="dhcp-servers" {...dhcpServers} />
    <Resource name="address-lists" {...addressLists} />
    <Resource name="usage-policies" {...usagePolicies} />
    {/* Voice: the rate plans calls are priced by, the phone numbers and the switch files read, under Settings; an account's numbers and calls are on its page. */}
    <Resource name="voice-rate-plans" {...voiceRatePlans} />
    <Resource name="dids" {...dids} />
    <Resource name="voice-cdr-files" {...voiceCdrFiles} />
    <Resource name="voice-cdr-rejects" {...voiceCdrRejects} />
    <Resource name="network-reconciliations" {...networkReconciliations} />
    <Resource name="inventory-items" {...inventoryItems} />
    <Resource name="inventory-models" {...inventoryModels} />
    <Resource name="inventory-manufacturers" {...inventoryManufacturers} />
    <Resource name="stock-locations" {...stockLocations} />
    {/* The network sites and the terrain and clutter tiles the account page's elevation profiles are drawn from, under Settings. */}
    <Resource name="network-sites" {...networkSites} />
    <Resource name="elevation-tiles" {...elevationTiles} />
    <Resource name="services" {...services} />
    <Resource name="packages" {...packages} />
    <Resource name="tax-types" {...taxTypes} />
    <Resource name="taxes" {...taxes} />
    <Resource name="tax-zones" {...taxZones} />
    <Resource name="bill-runs" {...billRuns} />
    <Resource name="autopay-runs" {...autopayRuns} />
    <Resource name="nightly-runs" {...nightlyRuns} />
    <Resource name="webhook-events" {...webhookEvents} />
    {/* Lists across all accounts; the dashboard's figures open them filtered. */}
    <Resource name="invoices" {...invoices} />
    <Resource name="payments" {...payments} />
    <Resource name="late-fees" {...lateFees} />
    <Resource name="emails" {...emails} />
    {/* The ticket queue; a ticket's own page is its show view. Statuses and groups under Settings. */}
    <Resource name="tickets" {...tickets} />
    <Resource name="ticket-statuses" {...ticketStatuses} />
    <Resource name="ticket-groups" {...ticketGroups} />
    {/* The helpdesk mailbox's mail, filed or kept aside; under Settings beside the ticket settings. */}
    <Resource name="inbound-messages" {...inboundMessages} />
    {/* Job types and technicians under Settings; jobs are listed on the account page and the dispatch calendar, and each has its own page. */}
    <Resource name="jobs" {...jobs} />
    <Resource name="job-types" {...jobTypes} />
    <Resource name="technicians" {...technicians} />
    <CustomRoutes>
      <Route path={billingPages.settings} element={<SystemBillingSettingsPage />} />
      <Route path={billingPages.accountingPeriod} element={<AccountingPeriodPage />} />
      <Route path={billingPages.booksCheck} element={<BooksCheckPage />} />
      <Route path={networkSettingsPages.sessionSpeedLimits} element={<SessionSpeedLimitsPage />} />
      <Route path={ticketDeadlinePages.settings} element={<TicketDeadlinesPage />} />
      <Route path={DISPATCH_PATH} element={<DispatchRoute />} />
      <Route path={jobSettingsPages.reminders} element={<JobSettingsPage />} />
    </CustomRoutes>
    {/* Owned by an account and shown on its page only. */}
    <Resource name="contacts" recordRepresentation="name" />
    <Resource name="account-notes" />
    <Resource name="account-tasks" recordRepresentation="title" />
    <Resource name="account-files" recordRepresentation="name" />
    {/* Billing records, shown on the account page's Billing tab. */}
    <Resource name="transactions" recordRepresentation="description" />
    <Resource name="account-services" recordRepresentation="name" />
  </Admin>
);
