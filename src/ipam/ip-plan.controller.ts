import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreatePoolDto,
  CreateSubnetDto,
  CreateSupernetDto,
  NextFreeAddressResponseDto,
  PLAN_SORTABLE,
  PlanFilterDto,
  PlanSortField,
  PoolResponseDto,
  SubnetResponseDto,
  SupernetResponseDto,
  UpdatePoolDto,
  UpdateSubnetDto,
  UpdateSupernetDto,
} from './dto/ip-plan.dto';
import { IpAssignmentsService } from './ip-assignments.service';
import { IpPlanService } from './ip-plan.service';

const planQuery = () => new ListQueryPipe(PlanFilterDto, PLAN_SORTABLE, { field: 'network', order: 'ASC' });

@ApiTags('ip address plan')
@Controller()
export class IpPlanController {
  constructor(
    private readonly plan: IpPlanService,
    private readonly assignments: IpAssignmentsService,
  ) {}

  @Get('ip-supernets')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(PlanFilterDto)
  @ApiOkResponse({ type: [SupernetResponseDto] })
  listSupernets(@Query(planQuery()) query: ListQuery<PlanFilterDto, PlanSortField>) {
    return this.plan.listSupernets(query);
  }

  @Get('ip-supernets/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: SupernetResponseDto })
  getSupernet(@Param('id', ParseIntPipe) id: number) {
    return this.plan.getSupernet(id);
  }

  @Post('ip-supernets')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: SupernetResponseDto })
  createSupernet(@Body() dto: CreateSupernetDto) {
    return this.plan.createSupernet(dto);
  }

  @Patch('ip-supernets/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: SupernetResponseDto })
  updateSupernet(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateSupernetDto) {
    return this.plan.updateSupernet(id, dto);
  }

  @Delete('ip-supernets/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: SupernetResponseDto, description: 'The deleted supernet; one that still holds subnets is refused' })
  deleteSupernet(@Param('id', ParseIntPipe) id: number) {
    return this.plan.deleteSupernet(id);
  }

  @Get('ip-subnets')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(PlanFilterDto)
  @ApiOkResponse({ type: [SubnetResponseDto] })
  listSubnets(@Query(planQuery()) query: ListQuery<PlanFilterDto, PlanSortField>) {
    return this.plan.listSubnets(query);
  }

  @Get('ip-subnets/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: SubnetResponseDto })
  getSubnet(@Param('id', ParseIntPipe) id: number) {
    return this.plan.getSubnet(id);
  }

  @Post('ip-subnets')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: SubnetResponseDto })
  createSubnet(@Body() dto: CreateSubnetDto) {
    return this.plan.createSubnet(dto);
  }

  @Patch('ip-subnets/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: SubnetResponseDto })
  updateSubnet(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateSubnetDto) {
    return this.plan.updateSubnet(id, dto);
  }

  @Delete('ip-subnets/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: SubnetResponseDto, description: 'The deleted subnet; one with pools or any assignment in its history is refused' })
  deleteSubnet(@Param('id', ParseIntPipe) id: number) {
    return this.plan.deleteSubnet(id);
  }

  @Get('ip-pools')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(PlanFilterDto)
  @ApiOkResponse({ type: [PoolResponseDto] })
  listPools(@Query(planQuery()) query: ListQuery<PlanFilterDto, PlanSortField>) {
    return this.plan.listPools(query);
  }

  @Get('ip-pools/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: PoolResponseDto })
  getPool(@Param('id', ParseIntPipe) id: number) {
    return this.plan.getPool(id);
  }

  @Post('ip-pools')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: PoolResponseDto })
  createPool(@Body() dto: CreatePoolDto) {
    return this.plan.createPool(dto);
  }

  @Patch('ip-pools/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: PoolResponseDto })
  updatePool(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdatePoolDto) {
    return this.plan.updatePool(id, dto);
  }

  @Delete('ip-pools/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: PoolResponseDto, description: 'The deleted pool; one with any assignment in its history is refused' })
  deletePool(@Param('id', ParseIntPipe) id: number) {
    return this.plan.deletePool(id);
  }

  @Post('ip-pools/:id/next-free-address')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: NextFreeAddressResponseDto })
  @ApiOperation({ summary: 'Take the lowest free address of the pool and keep it for you for ten minutes' })
  nextFree(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthenticatedUser) {
    return this.assignments.holdNextFree(id, user);
  }

  @Delete('ip-pools/:id/held-addresses/:address')
  @HttpCode(204)
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOperation({ summary: 'Give back an address you were holding, unused; the next "next free" may offer it' })
  @ApiNoContentResponse({ description: 'The hold is gone and the address is free again' })
  async releaseHeld(@Param('id', ParseIntPipe) id: number, @Param('address') address: string, @CurrentUser() user: AuthenticatedUser) {
    await this.assignments.releaseHold(id, address, user);
  }
}
