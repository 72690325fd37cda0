import type { AppConfig } from '../config/app-config';

export interface LoginThrottlePolicy {
  /** Failures allowed before the next try has to wait. */
  freeFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  /** Failures older than this (counted from the last one) are forgotten. */
  windowMinutes: number;
}

export function loginThrottlePolicy(config: AppConfig): LoginThrottlePolicy {
  return {
    freeFailures: config.LOGIN_THROTTLE_FREE_FAILURES,
    baseSeconds: config.LOGIN_THROTTLE_BASE_SECONDS,
    maxSeconds: config.LOGIN_THROTTLE_MAX_SECONDS,
    windowMinutes: config.LOGIN_THROTTLE_WINDOW_MINUTES,
  };
}

/**
 * How long, in milliseconds, the next try waits after this many failures: nothing
 * for the free ones, then the base wait, doubling with each failure up to the cap.
 */
export function waitAfterFailures(failures: number, policy: LoginThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  // 2^40 seconds exceeds any cap the configuration accepts; the bound keeps the power finite.
  const doublings = Math.min(failures - policy.freeFailures, 40);
  return Math.round(Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds) * 1000);
}
