import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import {
  ApplyCreditsDto,
  CreateInvoiceDto,
  GenerateInvoiceDto,
  INVOICE_SORTABLE,
  InvoiceFilterDto,
  InvoiceResponseDto,
  InvoiceSortField,
  LinkInvoiceDto,
  UpdateInvoiceDto,
  VoidDto,
  AppliedCreditsDto,
  GeneratedInvoiceDto,
} from './dto/invoice.dto';
import { InvoiceTransactionsDto } from './dto/transaction.dto';
import { InvoiceGenerationService } from './invoice-generation.service';
import { InvoicesService } from './invoices.service';
import { LedgerService } from './ledger.service';
import { TransactionsQueryService } from './transactions-query.service';

@ApiTags('invoices')
@Controller()
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly generation: InvoiceGenerationService,
    private readonly ledger: LedgerService,
    private readonly query: TransactionsQueryService,
  ) {}

  @Get('invoices')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(InvoiceFilterDto)
  @ApiOkResponse({ type: [InvoiceResponseDto] })
  list(
    @Query(new ListQueryPipe(InvoiceFilterDto, INVOICE_SORTABLE, { field: 'invoiceDate', order: 'DESC' }))
    query: ListQuery<InvoiceFilterDto, InvoiceSortField>,
  ) {
    return this.invoices.list(query.filter, query.sort, query.offset, query.limit);
  }

  @Get('invoices/:id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: InvoiceResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.invoices.get(id);
  }

  @Get('invoices/:id/transactions')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOperation({ summary: "List an invoice's charges and credits" })
  @ApiOkResponse({ type: InvoiceTransactionsDto, description: "The invoice's charges and the credits applied to it" })
  async transactions(@Param('id', ParseIntPipe) id: number) {
    const { credits } = await this.invoices.transactions(id);
    const charges = await this.query.list({ invoiceId: id }, { field: 'date', order: 'ASC' }, 0, 10_000);
    // Credits on a linked child invoice may be the parent's, so each is read with its own account's running balance.
    const creditRows = await Promise.all(credits.map(async (c) => ({ ...(await this.query.get(c.id)), appliedAmount: c.appliedAmount })));
    return { charges: charges.items, credits: creditRows };
  }

  @Post('invoices')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: InvoiceResponseDto })
  @ApiBody({
    type: CreateInvoiceDto,
    examples: {
      waitingCharges: {
        summary: 'An invoice for every charge still waiting for one',
        value: { accountId: 42, invoiceDate: '2026-12-01', includeUninvoiced: true },
      },
      lines: {
        summary: 'An invoice with lines of its own',
        value: {
          accountId: 42,
          lines: [
            { serviceId: 7, quantity: 2 },
            { serviceId: 9, price: 1500, description: 'Site visit' },
          ],
        },
      },
    },
  })
  create(@Body() dto: CreateInvoiceDto) {
    return this.invoices.createManual(dto);
  }

  @Post('accounts/:accountId/invoices/generate')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({
    type: GeneratedInvoiceDto,
    description:
      'The invoice for that billing date, created now or found from an earlier call. Recurring services are charged only on the ' +
      "account's billing day; on another date the invoice carries the charges waiting, and there is none when nothing waits.",
  })
  @ApiOperation({ summary: 'Generate an invoice for an account' })
  async generate(@Param('accountId', ParseIntPipe) accountId: number, @Body() dto: GenerateInvoiceDto) {
    const result = await this.generation.generate(accountId, dto.billingDate);
    return { created: result.created, invoice: result.invoiceId === null ? null : await this.invoices.get(result.invoiceId) };
  }

  @Put('invoices/:id')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: InvoiceResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateInvoiceDto) {
    return this.invoices.update(id, dto);
  }

  @Post('invoices/:id/void')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingVoid })
  @ApiOkResponse({ type: InvoiceResponseDto })
  @ApiOperation({ summary: 'Void an invoice' })
  voidInvoice(@Param('id', ParseIntPipe) id: number, @Body() dto: VoidDto) {
    return this.invoices.voidInvoice(id, dto.reason, dto.effectiveDate);
  }

  @Delete('invoices/:id')
  @HttpCode(204)
  @Authenticated({ permission: Permission.BillingVoid })
  @ApiNoContentResponse()
  async remove(@Param('id', ParseIntPipe) id: number) {
    await this.invoices.deleteInvoice(id);
  }

  @Post('invoices/:id/apply-credits')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOperation({ summary: "Apply an account's credits to an invoice" })
  @ApiOkResponse({ type: AppliedCreditsDto, description: 'The credits applied to the invoice' })
  applyCredits(@Param('id', ParseIntPipe) id: number, @Body() dto: ApplyCreditsDto) {
    return this.ledger.applyCredits(id, dto.amount);
  }

  @Post('invoices/:id/child-invoices')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingChildAccounts })
  @ApiOkResponse({ type: InvoiceResponseDto, description: 'The child invoice, now linked' })
  @ApiOperation({ summary: 'Link a child invoice to an invoice' })
  link(@Param('id', ParseIntPipe) id: number, @Body() dto: LinkInvoiceDto) {
    return this.invoices.linkChildInvoice(id, dto.childInvoiceId);
  }

  @Delete('invoices/:id/parent-invoice')
  @Authenticated({ permission: Permission.BillingChildAccounts })
  @ApiOkResponse({ type: InvoiceResponseDto, description: 'The child invoice, no longer linked' })
  @ApiOperation({ summary: 'Unlink an invoice from its parent' })
  unlink(@Param('id', ParseIntPipe) id: number) {
    return this.invoices.unlinkChildInvoice(id);
  }
}
