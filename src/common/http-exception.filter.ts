import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainException, ErrorCode, FieldError } from './errors';
import { HTTP_STATUS_OF } from './errors-http-status';
import { requestContext } from './request-context';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: FieldError[];
  code?: ErrorCode;
  requestId?: string;
}

export function errorBody(statusCode: number, message: string, details: FieldError[] = [], code?: ErrorCode): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    details,
    ...(code && { code }),
    requestId: requestContext.current()?.requestId,
  };
}

/**
 * Flattens every error into one shape. A domain error answers with the status its code maps to;
 * anything that is not a deliberate HTTP or domain error is logged in full and shown only as
 * "Internal server error".
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger('Errors') private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    // An answer already under way cannot be replaced; the error is still logged.
    const body = res.headersSent ? exceptionBody(exception) : sendError(res, exception);
    if (body.statusCode >= 500) this.logger.error({ err: exception }, 'Unhandled error');
  }
}

/** Answers the error in the shared shape, with a domain error's own headers; answers what it sent. */
export function sendError(res: Response, exception: unknown): ErrorBody {
  const body = exceptionBody(exception);
  if (exception instanceof DomainException) res.set(exception.headers);
  res.status(body.statusCode).json(body);
  return body;
}

/** The answer an error gets: a domain error's mapped status, an HTTP error's own, anything else a bare 500. */
export function exceptionBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainException) {
    return errorBody(HTTP_STATUS_OF[exception.code], exception.message, exception.details, exception.code);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : exception.message;
    const details = (response as { details?: FieldError[] }).details ?? [];
    return errorBody(status, message, details);
  }
  return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
}
