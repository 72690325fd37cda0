import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  CATALOG_SORTABLE,
  CatalogFilterDto,
  CatalogSortField,
  CreateModelDto,
  ManufacturerDto,
  ManufacturerResponseDto,
  ModelResponseDto,
  StockLocationDto,
  StockLocationResponseDto,
  UpdateModelDto,
} from './dto/inventory-catalog.dto';
import {
  AssignItemDto,
  ConnectedDeviceDto,
  ConnectedDeviceResponseDto,
  CreateItemDto,
  ITEM_SORTABLE,
  ItemAssigneeDto,
  ItemFilterDto,
  ItemResponseDto,
  ItemSortField,
  UpdateItemDto,
} from './dto/inventory-item.dto';
import { InventoryCatalogService } from './inventory-catalog.service';
import { InventoryItemsService } from './inventory-items.service';

const catalogQuery = () => new ListQueryPipe(CatalogFilterDto, CATALOG_SORTABLE, { field: 'name', order: 'ASC' });

@ApiTags('inventory')
@Controller()
export class InventoryController {
  constructor(
    private readonly catalog: InventoryCatalogService,
    private readonly items: InventoryItemsService,
  ) {}

  @Get('inventory-manufacturers')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(CatalogFilterDto)
  @ApiOkResponse({ type: [ManufacturerResponseDto] })
  listManufacturers(@Query(catalogQuery()) query: ListQuery<CatalogFilterDto, CatalogSortField>) {
    return this.catalog.listManufacturers(query);
  }

  @Get('inventory-manufacturers/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: ManufacturerResponseDto })
  getManufacturer(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.getManufacturer(id);
  }

  @Post('inventory-manufacturers')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: ManufacturerResponseDto })
  createManufacturer(@Body() dto: ManufacturerDto) {
    return this.catalog.saveManufacturer(null, dto);
  }

  @Patch('inventory-manufacturers/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: ManufacturerResponseDto })
  updateManufacturer(@Param('id', ParseIntPipe) id: number, @Body() dto: ManufacturerDto) {
    return this.catalog.saveManufacturer(id, dto);
  }

  @Delete('inventory-manufacturers/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: ManufacturerResponseDto })
  deleteManufacturer(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.deleteManufacturer(id);
  }

  @Get('inventory-models')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(CatalogFilterDto)
  @ApiOkResponse({ type: [ModelResponseDto] })
  listModels(@Query(catalogQuery()) query: ListQuery<CatalogFilterDto, CatalogSortField>) {
    return this.catalog.listModels(query);
  }

  @Get('inventory-models/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: ModelResponseDto })
  getModel(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.getModel(id);
  }

  @Post('inventory-models')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: ModelResponseDto })
  createModel(@Body() dto: CreateModelDto) {
    return this.catalog.createModel(dto);
  }

  @Patch('inventory-models/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: ModelResponseDto })
  updateModel(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateModelDto) {
    return this.catalog.updateModel(id, dto);
  }

  @Delete('inventory-models/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: ModelResponseDto })
  deleteModel(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.deleteModel(id);
  }

  @Get('stock-locations')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(CatalogFilterDto)
  @ApiOkResponse({ type: [StockLocationResponseDto] })
  listLocations(@Query(catalogQuery()) query: ListQuery<CatalogFilterDto, CatalogSortField>) {
    return this.catalog.listLocations(query);
  }

  @Get('stock-locations/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: StockLocationResponseDto })
  getLocation(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.getLocation(id);
  }

  @Post('stock-locations')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiCreatedResponse({ type: StockLocationResponseDto })
  createLocation(@Body() dto: StockLocationDto) {
    return this.catalog.saveLocation(null, dto);
  }

  @Patch('stock-locations/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: StockLocationResponseDto })
  updateLocation(@Param('id', ParseIntPipe) id: number, @Body() dto: StockLocationDto) {
    return this.catalog.saveLocation(id, dto);
  }

  @Delete('stock-locations/:id')
  @Authenticated({ permission: Permission.NetworkConfigure })
  @ApiOkResponse({ type: StockLocationResponseDto })
  deleteLocation(@Param('id', ParseIntPipe) id: number) {
    return this.catalog.deleteLocation(id);
  }

  @Get('inventory-items')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiList(ItemFilterDto)
  @ApiOkResponse({ type: [ItemResponseDto] })
  listItems(
    @Query(new ListQueryPipe(ItemFilterDto, ITEM_SORTABLE, { field: 'updatedAt', order: 'DESC' }))
    query: ListQuery<ItemFilterDto, ItemSortField>,
  ) {
    return this.items.list(query);
  }

  @Get('inventory-items/:id')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: ItemResponseDto })
  getItem(@Param('id', ParseIntPipe) id: number) {
    return this.items.get(id);
  }

  @Post('inventory-items')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: ItemResponseDto })
  createItem(@Body() dto: CreateItemDto) {
    return this.items.create(dto);
  }

  @Patch('inventory-items/:id')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiOkResponse({ type: ItemResponseDto })
  updateItem(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateItemDto) {
    return this.items.update(id, dto);
  }

  @Post('inventory-items/:id/assignee')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: ItemResponseDto })
  @ApiOperation({ summary: 'Give the item to an account (deployed) or a stock location' })
  changeAssignee(@Param('id', ParseIntPipe) id: number, @Body() dto: ItemAssigneeDto) {
    return this.items.changeAssignee(id, dto);
  }

  @Post('accounts/:id/inventory-items')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: ItemResponseDto })
  @ApiOperation({ summary: 'Assign an item from stock to the account' })
  assignToAccount(@Param('id', ParseIntPipe) accountId: number, @Body() dto: AssignItemDto) {
    return this.items.changeAssignee(dto.itemId, { accountId });
  }

  @Get('inventory-items/:id/connected-devices')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOkResponse({ type: [ConnectedDeviceResponseDto] })
  connectedDevices(@Param('id', ParseIntPipe) id: number) {
    return this.items.connectedDevices(id);
  }

  @Post('inventory-items/:id/connected-devices')
  @Authenticated({ permission: Permission.NetworkManage })
  @ApiCreatedResponse({ type: [ConnectedDeviceResponseDto] })
  @ApiOperation({ summary: 'Record a MAC address seen behind the item' })
  reportConnectedDevice(@Param('id', ParseIntPipe) id: number, @Body() dto: ConnectedDeviceDto) {
    return this.items.reportConnectedDevice(id, dto.mac);
  }
}
