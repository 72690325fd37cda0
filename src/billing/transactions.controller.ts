import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { BadInputException } from '../common/errors';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { VoidDto } from './dto/invoice.dto';
import {
  AdjustmentDto,
  DescribeDebitDto,
  OneTimeTransactionDto,
  PaymentDto,
  PostedTransactionDto,
  TRANSACTION_SORTABLE,
  TransactionFilterDto,
  TransactionResponseDto,
  TransactionSortField,
  CreditApplicationDto,
} from './dto/transaction.dto';
import {
  RECEIVED_PAYMENT_SORTABLE,
  ReceivedPaymentDto,
  ReceivedPaymentFilterDto,
  ReceivedPaymentSortField,
} from './dto/received-payment.dto';
import { LedgerService, PostedTransaction } from './ledger.service';
import { ReceivedPaymentsService } from './received-payments.service';
import { TransactionsQueryService } from './transactions-query.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,120}$/;

@ApiTags('transactions')
@Controller()
export class TransactionsController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly query: TransactionsQueryService,
    private readonly received: ReceivedPaymentsService,
  ) {}

  @Get('transactions')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(TransactionFilterDto)
  @ApiOkResponse({ type: [TransactionResponseDto] })
  list(
    @Query(new ListQueryPipe(TransactionFilterDto, TRANSACTION_SORTABLE, { field: 'date', order: 'DESC' }))
    q: ListQuery<TransactionFilterDto, TransactionSortField>,
  ) {
    return this.query.list(q.filter, q.sort, q.offset, q.limit);
  }

  @Get('transactions/:id')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: TransactionResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.query.get(id);
  }

  @Get('transactions/:id/applications')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOperation({ summary: "List a transaction's applications" })
  @ApiOkResponse({ type: [CreditApplicationDto], description: 'What the transaction was applied to, or what was applied to it' })
  applications(@Param('id', ParseIntPipe) id: number) {
    return this.query.applicationsOf(id);
  }

  @Get('payments')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiList(ReceivedPaymentFilterDto)
  @ApiOkResponse({ type: [ReceivedPaymentDto] })
  @ApiOperation({
    summary: 'List payments received across accounts',
    description: "Filtered by receivedIn, the rows sum to that month's paid figure on the dashboard.",
  })
  listPayments(
    @Query(new ListQueryPipe(ReceivedPaymentFilterDto, RECEIVED_PAYMENT_SORTABLE, { field: 'date', order: 'DESC' }))
    q: ListQuery<ReceivedPaymentFilterDto, ReceivedPaymentSortField>,
  ) {
    return this.received.list(q.filter, q.sort, q.offset, q.limit);
  }

  @Post('payments')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat a payment request safely: the same key returns the first result',
  })
  @ApiCreatedResponse({ type: PostedTransactionDto })
  @ApiOperation({ summary: 'Record a payment' })
  @ApiBody({
    type: PaymentDto,
    examples: {
      check: {
        summary: 'A check, with its number',
        value: { accountId: 42, method: 'check', amount: 4999, reference: '1045', date: '2026-12-01' },
      },
      cash: { summary: 'Cash taken today', value: { accountId: 42, method: 'cash', amount: 2000 } },
    },
  })
  async pay(@Body() dto: PaymentDto, @Headers('idempotency-key') key?: string) {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new BadInputException([
        { field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 8 to 120 letters, digits or ._:-' },
      ]);
    }
    return this.present(await this.ledger.takePayment({ ...dto, idempotencyKey: key ?? null }));
  }

  @Post('transactions/one-time')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: PostedTransactionDto })
  @ApiOperation({ summary: 'Post a one-time transaction' })
  async oneTime(@Body() dto: OneTimeTransactionDto) {
    return this.present(await this.ledger.postOneTime(dto));
  }

  @Post('transactions/adjustments')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: PostedTransactionDto })
  @ApiOperation({ summary: 'Post an adjustment' })
  async adjustment(@Body() dto: AdjustmentDto) {
    return this.present(await this.ledger.postAdjustment(dto));
  }

  @Post('transactions/:id/reverse')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingVoid })
  @ApiOkResponse({ type: PostedTransactionDto, description: 'The discount that reverses the debit' })
  @ApiOperation({ summary: 'Reverse a debit' })
  async reverse(@Param('id', ParseIntPipe) id: number, @Body() dto: VoidDto) {
    return this.present(await this.ledger.reverseDebit(id, dto.reason, dto.effectiveDate));
  }

  @Post('transactions/:id/void')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingVoid })
  @ApiOkResponse({ type: PostedTransactionDto, description: 'The void row that cancels the credit' })
  @ApiOperation({ summary: 'Void a credit' })
  async voidCredit(@Param('id', ParseIntPipe) id: number, @Body() dto: VoidDto) {
    return this.present(await this.ledger.voidCredit(id, dto.reason, dto.effectiveDate));
  }

  @Put('transactions/:id/description')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: TransactionResponseDto })
  @ApiOperation({ summary: "Change a transaction's description" })
  async describe(@Param('id', ParseIntPipe) id: number, @Body() dto: DescribeDebitDto) {
    await this.ledger.editDebitDescription(id, dto.description);
    return this.query.get(id);
  }

  private async present(posted: PostedTransaction): Promise<PostedTransactionDto> {
    return { transaction: await this.query.get(posted.transaction.id), applied: posted.applied };
  }
}
