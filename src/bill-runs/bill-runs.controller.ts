import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { BillRunsService } from './bill-runs.service';

class StartBillRunDto {
  @ApiProperty({ example: '2026-12-01', description: 'The billing date: accounts whose service period starts that day are invoiced' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date as YYYY-MM-DD' })
  date: string;
}

class BillRunFilterDto {
  @IsOptional() id?: number[];
}

@ApiTags('bill runs')
@Controller('bill-runs')
export class BillRunsController {
  constructor(private readonly runs: BillRunsService) {}

  @Post()
  @HttpCode(202)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ description: 'The run for that date, started now or found already started (started: false)' })
  start(@Body() dto: StartBillRunDto) {
    return this.runs.start(dto.date);
  }

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  list(@Query(new ListQueryPipe(BillRunFilterDto, ['id'] as const, { field: 'id', order: 'DESC' })) q: ListQuery<BillRunFilterDto, 'id'>) {
    return this.runs.list(q.offset, q.limit);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.runs.get(id);
  }
}
