import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreateRatePlanDto,
  RATE_PLAN_SORTABLE,
  RATE_SORTABLE,
  RateDeckImportResponseDto,
  RateFilterDto,
  RatePlanFilterDto,
  RatePlanResponseDto,
  RatePlanSortField,
  RateResponseDto,
  RateSortField,
  UpdateRatePlanDto,
  UploadRateDeckDto,
} from './dto/rate-plan.dto';
import { RatePlansService } from './rate-plans.service';

@ApiTags('voice')
@Controller('voice-rate-plans')
export class RatePlansController {
  constructor(private readonly plans: RatePlansService) {}

  @Get()
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(RatePlanFilterDto)
  @ApiOkResponse({ type: [RatePlanResponseDto] })
  list(
    @Query(new ListQueryPipe(RatePlanFilterDto, RATE_PLAN_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<RatePlanFilterDto, RatePlanSortField>,
  ) {
    return this.plans.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiOkResponse({ type: RatePlanResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.plans.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.VoiceConfigure })
  @ApiCreatedResponse({ type: RatePlanResponseDto })
  @ApiOperation({ summary: 'Create a rate plan, with an empty deck' })
  create(@Body() dto: CreateRatePlanDto) {
    return this.plans.create(dto);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.VoiceConfigure })
  @ApiOkResponse({ type: RatePlanResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateRatePlanDto) {
    return this.plans.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.VoiceConfigure })
  @ApiOkResponse({ type: RatePlanResponseDto, description: 'The deleted plan' })
  @ApiOperation({ summary: 'Delete a rate plan no catalogue service is priced by' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.plans.delete(id);
  }

  @Get(':id/rates')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(RateFilterDto)
  @ApiOkResponse({ type: [RateResponseDto] })
  @ApiOperation({ summary: "The plan's deck, a page at a time" })
  rates(
    @Param('id', ParseIntPipe) id: number,
    @Query(new ListQueryPipe(RateFilterDto, RATE_SORTABLE, { field: 'prefix', order: 'ASC' }))
    query: ListQuery<RateFilterDto, RateSortField>,
  ) {
    return this.plans.listRates(id, query);
  }

  /** The body is read here, after the guards, so a caller without the permission never has a byte stored. */
  @Post(':id/deck')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: Permission.VoiceConfigure })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadRateDeckDto })
  @ApiOkResponse({ type: RateDeckImportResponseDto })
  @ApiOperation({
    summary: "Replace the plan's deck with a CSV file; a file with any problem is refused whole, listing each line, column and rule",
  })
  importDeck(@Param('id', ParseIntPipe) id: number, @Req() req: Request) {
    return this.plans.importDeck(id, req);
  }
}
