import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  NetworkReconciliationDto,
  NetworkReconciliationFilterDto,
  NetworkReconciliationSummaryDto,
  RECONCILIATION_SORTABLE,
  ReconciliationSortField,
} from './dto/network-reconciliation.dto';
import { NetworkReconciliationService } from './network-reconciliation.service';

@ApiTags('network')
@Controller('network-reconciliations')
export class NetworkReconciliationController {
  constructor(private readonly reconciliation: NetworkReconciliationService) {}

  @Post()
  @HttpCode(202)
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOperation({ summary: 'Compare FreeRADIUS and the DHCP servers with Backhaul now and repair the difference' })
  @ApiAcceptedResponse({ type: NetworkReconciliationDto })
  start(@CurrentUser() user: AuthenticatedUser) {
    return this.reconciliation.start(user);
  }

  @Get()
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(NetworkReconciliationFilterDto)
  @ApiOkResponse({ type: [NetworkReconciliationSummaryDto], description: 'Reconciliations, nightly and asked for, newest first' })
  list(
    @Query(new ListQueryPipe(NetworkReconciliationFilterDto, RECONCILIATION_SORTABLE, { field: 'id', order: 'DESC' }))
    query: ListQuery<NetworkReconciliationFilterDto, ReconciliationSortField>,
  ) {
    return this.reconciliation.list(query.filter, query.offset, query.limit, query.sort.order);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: NetworkReconciliationDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.reconciliation.get(id);
  }
}
