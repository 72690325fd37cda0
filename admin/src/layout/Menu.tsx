import BooksIcon from '@mui/icons-material/FactCheck';
import PeriodIcon from '@mui/icons-material/EventAvailable';
import SettingsIcon from '@mui/icons-material/Tune';
import SpeedIcon from '@mui/icons-material/Speed';
import TimerIcon from '@mui/icons-material/Timer';
import DispatchIcon from '@mui/icons-material/CalendarMonth';
import ReminderIcon from '@mui/icons-material/NotificationsActive';
import ListSubheader from '@mui/material/ListSubheader';
import { Fragment } from 'react';
import { Menu as RaMenu, usePermissions } from 'react-admin';
import { billingPages } from '../billingSettings';
import { INBOUND_MESSAGES_RESOURCE } from '../inboundMail';
import { DISPATCH_PATH } from '../jobs';
import { jobSettingsPages } from '../jobSettings';
import { networkSettingsPages } from '../sessionSpeedLimits';
import { ticketDeadlinePages } from '../ticketDeadlines';
import { canSeeResource, hasPermission, Permissions } from '../permissions';

/** The resources in menu order; each shows only if the identity may read it. */
export const menuResources = [
  'accounts',
  'tickets',
  'emails',
  'users',
  'roles',
  'action-history',
  'view-history',
  'message-templates',
  'contract-templates',
] as const;

/**
 * Under Settings: the configurable account lists for those who may change them, then the address
 * plan, the NAS and DHCP servers, the address lists, the reconciliations of the servers and the
 * inventory for those who may read them (network.read).
 */
export const settingsResources = [
  'account-types',
  'account-statuses',
  'account-groups',
  'message-categories',
  'custom-fields',
  'ticket-statuses',
  'ticket-groups',
  'job-types',
  'technicians',
  'ip-supernets',
  'ip-subnets',
  'ip-pools',
  'nas-devices',
  'dhcp-servers',
  'address-lists',
  'usage-policies',
  'voice-rate-plans',
  'dids',
  'voice-cdr-files',
  'voice-cdr-rejects',
  'network-reconciliations',
  'inventory-items',
  'inventory-models',
  'inventory-manufacturers',
  'stock-locations',
  'network-sites',
  'elevation-tiles',
] as const;

/**
 * Invoices, payments and late fees of every account, the runs, the payment processor's events (for
 * those with webhooks.read, which the roles that configure billing hold), the catalogue and taxes,
 * grouped under Billing for billing staff.
 */
export const billingResources = [
  'invoices',
  'payments',
  'late-fees',
  'bill-runs',
  'autopay-runs',
  'nightly-runs',
  'webhook-events',
  'services',
  'packages',
  'tax-types',
  'taxes',
  'tax-zones',
] as const;

const MenuGroup = ({ title }: { title: string }) => (
  <ListSubheader component="div" sx={{ bgcolor: 'transparent', lineHeight: '32px', mt: 1 }}>
    {title}
  </ListSubheader>
);

export const Menu = () => {
  const { permissions } = usePermissions<string[]>();
  const settings = settingsResources.filter((resource) => canSeeResource(permissions, resource));
  const showBilling = hasPermission(permissions, Permissions.BillingRead);
  const canConfigureBilling = hasPermission(permissions, Permissions.BillingConfigure);
  const canReadNetwork = hasPermission(permissions, Permissions.NetworkRead);
  const canReadJobs = hasPermission(permissions, Permissions.JobsRead);
  const canReadTickets = hasPermission(permissions, Permissions.TicketsRead);
  const dispatchAfter = canSeeResource(permissions, 'tickets') ? 'tickets' : 'accounts';
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {menuResources
        .filter((resource) => canSeeResource(permissions, resource))
        .map((resource) => (
          <Fragment key={resource}>
            <RaMenu.ResourceItem name={resource} />
            {/* The technicians' calendar, beside the tickets that send them out (or the accounts, for those without tickets). */}
            {resource === dispatchAfter && canReadJobs ? (
              <RaMenu.Item to={DISPATCH_PATH} primaryText="Dispatch" leftIcon={<DispatchIcon />} />
            ) : null}
          </Fragment>
        ))}
      {settings.length > 0 ? (
        <>
          <MenuGroup title="Settings" />
          {settings.map((resource) => (
            <Fragment key={resource}>
              <RaMenu.ResourceItem name={resource} />
              {/* How long before a visit the subscriber is reminded, beside the technicians who make it. */}
              {resource === 'technicians' ? (
                <RaMenu.Item to={jobSettingsPages.reminders} primaryText="Job reminders" leftIcon={<ReminderIcon />} />
              ) : null}
              {/* Business hours, holidays and targets, beside the ticket groups the targets are set for. */}
              {resource === 'ticket-groups' ? (
                <RaMenu.Item to={ticketDeadlinePages.settings} primaryText="Ticket deadlines" leftIcon={<TimerIcon />} />
              ) : null}
              {/* The mail the helpdesk mailbox offered and what became of it, after the settings that decide where it goes. */}
              {resource === 'ticket-groups' && canReadTickets ? <RaMenu.ResourceItem name={INBOUND_MESSAGES_RESOURCE} /> : null}
              {/* The speed delinquent accounts are slowed to, beside the address lists that name them to the routers. */}
              {resource === 'address-lists' && canReadNetwork ? (
                <RaMenu.Item to={networkSettingsPages.sessionSpeedLimits} primaryText="Session speed limits" leftIcon={<SpeedIcon />} />
              ) : null}
            </Fragment>
          ))}
        </>
      ) : null}
      {showBilling || canConfigureBilling ? (
        <>
          <MenuGroup title="Billing" />
          {billingResources
            .filter((resource) => canSeeResource(permissions, resource))
            .map((resource) => (
              <RaMenu.ResourceItem key={resource} name={resource} />
            ))}
          <RaMenu.Item to={billingPages.settings} primaryText="Billing settings" leftIcon={<SettingsIcon />} />
          {canConfigureBilling ? (
            <>
              <RaMenu.Item to={billingPages.accountingPeriod} primaryText="Accounting period" leftIcon={<PeriodIcon />} />
              <RaMenu.Item to={billingPages.booksCheck} primaryText="Books check" leftIcon={<BooksIcon />} />
            </>
          ) : null}
        </>
      ) : null}
    </RaMenu>
  );
};
