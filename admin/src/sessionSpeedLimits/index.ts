export { SessionSpeedLimitsPage } from './SessionSpeedLimitsPage';

/** Network settings pages that are not resources, each at its own hash route. */
export const networkSettingsPages = {
  sessionSpeedLimits: '/session-speed-limits',
} as const;
