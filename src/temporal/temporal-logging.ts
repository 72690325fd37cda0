import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
import { PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

const LEVELS: Record<AppConfig['LOG_LEVEL'], LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

/** Sends the Temporal SDK's own logs (worker state, bundling, core) through pino as JSON. */
export function routeTemporalLogsToPino(config: AppConfig): void {
  const pino = PinoLogger.root;
  Runtime.install({
    logger: new DefaultLogger(LEVELS[config.LOG_LEVEL], ({ level, message, meta }) => {
      const method = level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
      pino[method]({ temporal: true, ...meta }, message);
    }),
  });
}
