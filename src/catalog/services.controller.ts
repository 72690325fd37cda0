import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { CatalogService } from './catalog.service';
import {
  CreateServiceDto,
  SERVICE_SORTABLE,
  ServiceFilterDto,
  ServiceResponseDto,
  ServiceSortField,
  UpdateServiceDto,
} from './dto/service.dto';

@ApiTags('catalog')
@Controller('services')
export class ServicesController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(ServiceFilterDto)
  @ApiOkResponse({ type: [ServiceResponseDto] })
  list(
    @Query(new ListQueryPipe(ServiceFilterDto, SERVICE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<ServiceFilterDto, ServiceSortField>,
  ) {
    return this.catalog.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: ServiceResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiCreatedResponse({ type: ServiceResponseDto })
  create(@Body() dto: CreateServiceDto) {
    return this.catalog.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: ServiceResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateServiceDto) {
    return this.catalog.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: ServiceResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.remove(id);
  }
}
