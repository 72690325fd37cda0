import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { LATE_FEE_SORTABLE, LateFeeDto, LateFeeFilterDto, LateFeeSortField } from './dto/late-fee.dto';
import { LateFeesService } from './late-fees.service';

@ApiTags('delinquency')
@Controller()
export class LateFeesController {
  constructor(private readonly lateFees: LateFeesService) {}

  @Get('late-fees')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(LateFeeFilterDto)
  @ApiOkResponse({ type: [LateFeeDto] })
  @ApiOperation({
    summary: 'List late fees charged across accounts',
    description: "Filtered from the first of the month through today, the rows sum to the dashboard's late fees this month.",
  })
  list(
    @Query(new ListQueryPipe(LateFeeFilterDto, LATE_FEE_SORTABLE, { field: 'date', order: 'DESC' }))
    query: ListQuery<LateFeeFilterDto, LateFeeSortField>,
  ) {
    return this.lateFees.list(query.filter, query.sort, query.offset, query.limit);
  }
}
