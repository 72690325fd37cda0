import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { ErrorResponseDto } from '../common/error-response.dto';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

type Check = 'up' | 'down';

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** For load balancers: 200 only when both the database and Temporal answer. */
  @Get()
  @Public()
  @ApiOkResponse({ description: '{status, checks: {database, temporal}}' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down' })
  @ApiOperation({ summary: 'Check health' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'A body was sent and it is not JSON' })
  async check(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await Promise.all([
      this.probe(() => this.db.query('SELECT 1')),
      this.probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const ok = database === 'up' && temporal === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', checks: { database, temporal } };
  }

  private async probe(fn: () => Promise<unknown>): Promise<Check> {
    try {
      await withTimeout(fn(), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
