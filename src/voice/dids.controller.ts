import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { DidsService } from './dids.service';
import {
  CreateDidDto,
  CreateDidRangeDto,
  DID_SORTABLE,
  DidFilterDto,
  DidRangeResponseDto,
  DidResponseDto,
  DidSortField,
  UpdateDidDto,
} from './dto/did.dto';

@ApiTags('voice')
@Controller('dids')
export class DidsController {
  constructor(private readonly dids: DidsService) {}

  @Get()
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(DidFilterDto)
  @ApiOkResponse({ type: [DidResponseDto] })
  @ApiOperation({ summary: "The instance's phone numbers, with who holds each now" })
  list(
    @Query(new ListQueryPipe(DidFilterDto, DID_SORTABLE, { field: 'number', order: 'ASC' })) query: ListQuery<DidFilterDto, DidSortField>,
  ) {
    return this.dids.list(query);
  }

  // Declared before dids/:id so that "range" is never read as an id.
  @Post('range')
  @Authenticated({ permission: Permission.VoiceConfigure })
  @ApiCreatedResponse({ type: DidRangeResponseDto })
  @ApiOperation({
    summary: 'Add every number from one to another, both included; numbers the instance has already are reported, not changed',
  })
  createRange(@Body() dto: CreateDidRangeDto) {
    return this.dids.createRange(dto);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiOkResponse({ type: DidResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.dids.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.VoiceConfigure })
  @ApiCreatedResponse({ type: DidResponseDto })
  @ApiOperation({ summary: 'Add one number; 409 when the instance has it already' })
  create(@Body() dto: CreateDidDto) {
    return this.dids.create(dto);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.VoiceConfigure })
  @ApiOkResponse({ type: DidResponseDto })
  @ApiOperation({ summary: 'Reserve, retire or free a number no voice service holds, or change its note' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateDidDto) {
    return this.dids.update(id, dto);
  }
}
