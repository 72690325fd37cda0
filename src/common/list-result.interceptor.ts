import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { ListResult } from './list-query';

/** Lists leave the service as ListResult; the wire format is an array plus Content-Range. */
@Injectable()
export class ListResultInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof ListResult)) return value;
        const res = context.switchToHttp().getResponse<Response>();
        res.setHeader('Content-Range', value.contentRange);
        res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
        return value.items;
      }),
    );
  }
}
