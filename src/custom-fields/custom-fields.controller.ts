import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { CustomFieldsService } from './custom-fields.service';
import {
  CreateCustomFieldDto,
  CUSTOM_FIELD_SORTABLE,
  CustomFieldFilterDto,
  CustomFieldResponseDto,
  CustomFieldSortField,
  UpdateCustomFieldDto,
} from './dto/custom-field.dto';

@ApiTags('accounts')
@Controller('custom-fields')
export class CustomFieldsController {
  constructor(private readonly fields: CustomFieldsService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(CustomFieldFilterDto)
  @ApiOkResponse({ type: [CustomFieldResponseDto] })
  list(
    @Query(new ListQueryPipe(CustomFieldFilterDto, CUSTOM_FIELD_SORTABLE, { field: 'position', order: 'ASC' }))
    query: ListQuery<CustomFieldFilterDto, CustomFieldSortField>,
  ) {
    return this.fields.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: CustomFieldResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.fields.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiCreatedResponse({ type: CustomFieldResponseDto })
  create(@Body() dto: CreateCustomFieldDto) {
    return this.fields.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: CustomFieldResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateCustomFieldDto) {
    return this.fields.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsConfigure })
  @ApiOkResponse({ type: CustomFieldResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.fields.remove(id);
  }
}
