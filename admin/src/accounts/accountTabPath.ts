/** The URL of one tab of the account page; '' is the default tab (Overview). */
export const accountTabPath = (accountId: number | string, tab: string): string => `/accounts/${accountId}/show${tab ? `/${tab}` : ''}`;
