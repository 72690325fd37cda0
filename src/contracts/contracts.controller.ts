import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { IsBase64, IsString, MaxLength } from 'class-validator';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { ContractSigningService } from './contract-signing.service';
import { ContractsService } from './contracts.service';
import {
  CONTRACT_SORTABLE,
  ContractDetailDto,
  ContractFilterDto,
  ContractResponseDto,
  ContractSortField,
  ContractVerificationDto,
  CreateContractDto,
  SignInPersonDto,
  UpdateContractDto,
} from './dto/contract.dto';
import { SendForSignatureDto } from './dto/contract-signing.dto';

export class VerifyContractPdfDto {
  @ApiProperty({ description: 'The PDF, base64-encoded (at most about 700 KB of PDF)' })
  @IsString()
  @MaxLength(950_000)
  @IsBase64()
  pdf: string;
}

const clientOf = (req: Request) => ({ address: req.ip ?? null, userAgent: req.get('user-agent') ?? null });

@ApiTags('contracts')
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly signing: ContractSigningService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiList(ContractFilterDto)
  @ApiOkResponse({ type: [ContractResponseDto] })
  list(
    @Query(new ListQueryPipe(ContractFilterDto, CONTRACT_SORTABLE, { field: 'createdAt', order: 'DESC' }))
    query: ListQuery<ContractFilterDto, ContractSortField>,
  ) {
    return this.contracts.list(query);
  }

  // Declared before :id so "verify" is not taken for an id.
  @Post('verify')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiOkResponse({ type: ContractVerificationDto })
  @ApiOperation({ summary: 'Tell which contract a signed PDF is and whether it is intact' })
  verify(@Body() dto: VerifyContractPdfDto) {
    return this.contracts.verify(Buffer.from(dto.pdf, 'base64'));
  }

  @Get(':id')
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiOkResponse({ type: ContractDetailDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.contracts.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.ContractsManage })
  @ApiCreatedResponse({ type: ContractDetailDto })
  @ApiOperation({ summary: 'Write a contract onto an account from an enabled template' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateContractDto) {
    return this.contracts.create(user, dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.ContractsManage })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiOperation({ summary: 'Write an unsigned contract again from its template (or another one)' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateContractDto) {
    return this.contracts.update(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.ContractsManage })
  @ApiOkResponse({ type: ContractResponseDto, description: 'The deleted contract; a signed one answers 409' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.contracts.delete(id);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ContractsManage })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiOperation({ summary: 'Sign in person: the subscriber types a name and draws a signature on the staff screen' })
  sign(@Param('id', ParseIntPipe) id: number, @Body() dto: SignInPersonDto, @Req() req: Request) {
    return this.contracts.signInPerson(id, dto, clientOf(req));
  }

  @Post(':id/send')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ContractsManage })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiOperation({ summary: 'Send for signature to one of the account\u2019s contacts' })
  send(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseIntPipe) id: number, @Body() dto: SendForSignatureDto) {
    return this.signing.send(user, id, dto);
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ContractsManage })
  @ApiOkResponse({ type: ContractDetailDto })
  resend(@Param('id', ParseIntPipe) id: number) {
    return this.signing.resend(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: Permission.ContractsManage })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiOperation({ summary: 'Withdraw the open signing request' })
  cancel(@Param('id', ParseIntPipe) id: number) {
    return this.signing.cancel(id);
  }

  @Get(':id/signature')
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'The drawn signature' })
  signature(@Param('id', ParseIntPipe) id: number) {
    return this.contracts.signature(id);
  }

  @Get(':id/pdf')
  @Authenticated({ permission: Permission.ContractsRead })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The signed PDF, as kept when it was signed' })
  download(@Param('id', ParseIntPipe) id: number) {
    return this.contracts.download(id);
  }
}
