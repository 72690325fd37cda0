import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per app instance, so tests that boot several apps do not collide. */
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'backhaul_' });
    this.httpDuration = new Histogram({
      name: 'backhaul_http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  /** Labels by route template (`/api/users/:id`), never the raw URL, to keep cardinality bounded. */
  middleware() {
    return this.timing((req) => (req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched'));
  }

  /** The same timing for a route served outside the framework's routes, under the template given. */
  middlewareFor(route: string) {
    return this.timing(() => route);
  }

  private timing(routeOf: (req: Request) => string) {
    return (req: Request, res: Response, next: NextFunction) => {
      const stop = this.httpDuration.startTimer();
      res.on('finish', () => stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
      next();
    };
  }
}
