import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateUsagePolicyDto,
  UpdateUsagePolicyDto,
  USAGE_POLICY_SORTABLE,
  UsagePolicyFilterDto,
  UsagePolicyResponseDto,
  UsagePolicySortField,
} from './dto/usage-policy.dto';
import { UsagePoliciesService } from './usage-policies.service';

@ApiTags('data usage')
@Controller('usage-policies')
export class UsagePoliciesController {
  constructor(private readonly policies: UsagePoliciesService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(UsagePolicyFilterDto)
  @ApiOkResponse({ type: [UsagePolicyResponseDto] })
  list(
    @Query(new ListQueryPipe(UsagePolicyFilterDto, USAGE_POLICY_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<UsagePolicyFilterDto, UsagePolicySortField>,
  ) {
    return this.policies.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: UsagePolicyResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.policies.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOperation({ summary: 'A usage policy: cap, free hours, overage or slowing at the cap, top-offs and rollover' })
  @ApiCreatedResponse({ type: UsagePolicyResponseDto })
  create(@Body() dto: CreateUsagePolicyDto) {
    return this.policies.create(dto);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: UsagePolicyResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateUsagePolicyDto) {
    return this.policies.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: UsagePolicyResponseDto })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.policies.delete(id);
  }
}
