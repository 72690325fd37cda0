import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { ContractTemplatesService } from './contract-templates.service';
import {
  CONTRACT_TEMPLATE_SORTABLE,
  ContractMergeFieldDto,
  ContractPreviewDto,
  ContractTemplateFilterDto,
  ContractTemplateResponseDto,
  ContractTemplateSortField,
  CreateContractTemplateDto,
  PreviewContractTemplateDto,
  UpdateContractTemplateDto,
} from './dto/contract-template.dto';

@ApiTags('contracts')
@Controller('contract-templates')
export class ContractTemplatesController {
  constructor(private readonly templates: ContractTemplatesService) {}

  @Get()
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiList(ContractTemplateFilterDto)
  @ApiOkResponse({ type: [ContractTemplateResponseDto] })
  list(
    @Query(new ListQueryPipe(ContractTemplateFilterDto, CONTRACT_TEMPLATE_SORTABLE, { field: 'name', order: 'ASC' }))
    query: ListQuery<ContractTemplateFilterDto, ContractTemplateSortField>,
  ) {
    return this.templates.list(query);
  }

  // Declared before :id so "merge-fields" is not taken for an id.
  @Get('merge-fields')
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiOkResponse({ type: [ContractMergeFieldDto] })
  @ApiOperation({ summary: 'List the merge fields of contract templates' })
  mergeFields() {
    return this.templates.mergeFields();
  }

  @Get(':id')
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiOkResponse({ type: ContractTemplateResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.templates.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.ContractsConfigure })
  @ApiCreatedResponse({ type: ContractTemplateResponseDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateContractTemplateDto) {
    return this.templates.create(user, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.ContractsConfigure })
  @ApiOkResponse({ type: ContractTemplateResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateContractTemplateDto) {
    return this.templates.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.ContractsConfigure })
  @ApiOkResponse({ type: ContractTemplateResponseDto, description: 'The deleted template; one that was used answers 409' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.templates.delete(id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiOkResponse({ type: ContractPreviewDto })
  @ApiOperation({ summary: 'Render a template (or a draft body) for an account' })
  preview(@Param('id', ParseIntPipe) id: number, @Body() dto: PreviewContractTemplateDto) {
    return this.templates.preview(id, dto);
  }
}
