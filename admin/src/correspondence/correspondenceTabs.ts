import type { ComponentType } from 'react';
import type { AccountTabProps } from '../accounts/accountTabs';
import { CallLogsTab } from './callLogs/CallLogsTab';
import { EmailsTab } from './emails/EmailsTab';

export interface CorrespondenceInnerTab {
  /** URL segment after /accounts/:id/show/correspondence/; the first tab is the default. */
  path: string;
  label: string;
  component: ComponentType<AccountTabProps>;
}

/** The tabs along the top of the account's Correspondence tab, in order. */
export const correspondenceTabs: CorrespondenceInnerTab[] = [
  { path: 'call-logs', label: 'Call Logs', component: CallLogsTab },
  { path: 'emails', label: 'Emails', component: EmailsTab },
];
