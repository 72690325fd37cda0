import { Body, Controller, Delete, Get, Headers, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, Public } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AddressListsService } from './address-lists.service';
import {
  ADDRESS_LIST_SORTABLE,
  AddressListCreatedDto,
  AddressListFilterDto,
  AddressListResponseDto,
  AddressListSortField,
  CreateAddressListDto,
  FetchKeyDto,
  UpdateAddressListDto,
} from './dto/address-list.dto';
import { ListFormatQueryDto } from './dto/list-format.dto';

const TEXT = { 'text/plain': { schema: { type: 'string' } } };

@ApiTags('address lists')
@Controller('address-lists')
export class AddressListsController {
  constructor(private readonly lists: AddressListsService) {}

  @Get()
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(AddressListFilterDto)
  @ApiOkResponse({ type: [AddressListResponseDto] })
  list(
    @Query(new ListQueryPipe(AddressListFilterDto, ADDRESS_LIST_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<AddressListFilterDto, AddressListSortField>,
  ) {
    return this.lists.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: AddressListResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.lists.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: AddressListCreatedDto })
  create(@Body() dto: CreateAddressListDto) {
    return this.lists.create(dto);
  }

  @Patch(':id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: AddressListResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateAddressListDto) {
    return this.lists.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: AddressListResponseDto })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.lists.delete(id);
  }

  @Post(':id/fetch-key')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: FetchKeyDto })
  @ApiOperation({ summary: 'Give the list a new fetch key; the old one stops working at once' })
  rotateKey(@Param('id', ParseIntPipe) id: number) {
    return this.lists.rotateKey(id);
  }

  @Get(':id/preview')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The list as a router would get it now', content: TEXT })
  async preview(@Param('id', ParseIntPipe) id: number, @Query() query: ListFormatQueryDto, @Res() res: Response): Promise<void> {
    res.type('text/plain').send(await this.lists.preview(id, query.format ?? 'plain'));
  }

  /** Public in the sense that no staff session is needed: the list's own fetch key is the credential, checked in the service. */
  @Get(':name/entries')
  @Public()
  @ApiHeader({ name: 'Authorization', description: 'Bearer <the list’s fetch key>', required: true })
  @ApiHeader({ name: 'If-None-Match', description: 'The ETag of the last answer: 304 while the list is unchanged', required: false })
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'The list for a router: plain lines or a RouterOS script, with an ETag' })
  @ApiOkResponse({ description: 'The entries', content: TEXT })
  async fetch(
    @Param('name') name: string,
    @Query() query: ListFormatQueryDto,
    @Headers('authorization') authorization: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const { body, etag } = await this.lists.fetch(name, authorization, query.format ?? 'plain');
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
      res.status(304).end();
      return;
    }
    res.type('text/plain').send(body);
  }
}
