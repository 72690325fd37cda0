import type { LoggerService } from '@nestjs/common';
import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';
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

/** Sends the Temporal SDK's own logs (worker state, bundling, core) through the app's pino logger. */
export function routeTemporalLogsToPino(config: AppConfig, logger: LoggerService): void {
  Runtime.install({
    logger: new DefaultLogger(LEVELS[config.LOG_LEVEL], ({ level, message, meta }) => {
      const entry = { ...meta, msg: message };
      if (level === 'ERROR') logger.error(entry, 'Temporal');
      else if (level === 'WARN') logger.warn(entry, 'Temporal');
      else if (level === 'INFO') logger.log(entry, 'Temporal');
      else logger.debug?.(entry, 'Temporal');
    }),
  });
}
