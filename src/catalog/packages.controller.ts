import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CreatePackageDto,
  PACKAGE_SORTABLE,
  PackageFilterDto,
  PackageResponseDto,
  PackageSortField,
  UpdatePackageDto,
} from './dto/package.dto';
import { PackagesService } from './packages.service';

@ApiTags('catalog')
@Controller('packages')
export class PackagesController {
  constructor(private readonly packages: PackagesService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(PackageFilterDto)
  @ApiOkResponse({ type: [PackageResponseDto] })
  list(
    @Query(new ListQueryPipe(PackageFilterDto, PACKAGE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<PackageFilterDto, PackageSortField>,
  ) {
    return this.packages.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: PackageResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.packages.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiCreatedResponse({ type: PackageResponseDto })
  create(@Body() dto: CreatePackageDto) {
    return this.packages.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: PackageResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdatePackageDto) {
    return this.packages.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiOkResponse({ type: PackageResponseDto })
  remove(@Param('id', ParseIntPipe) id: number) {
    return this.packages.remove(id);
  }
}
