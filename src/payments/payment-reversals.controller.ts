import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Authenticated } from '../auth/auth.decorators';
import { IsCalendarDate } from '../common/calendar-date';
import { Permission } from '../auth/permission';
import { ErrorResponseDto } from '../common/error-response.dto';
import { PaymentHistoryResponseDto, PaymentReversalResponseDto, ProcessorRefundResponseDto } from './dto/payment-history.dto';
import { PaymentHistoryService } from './payment-history.service';
import { PaymentReversalsService } from './payment-reversals.service';
import { ReconciliationService } from './reconciliation.service';

class ReversePaymentDto {
  @ApiProperty({ description: 'Also refund the amount through the processor' })
  @IsBoolean()
  refund: boolean;

  @ApiProperty({ required: false, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiProperty({
    required: false,
    example: '2026-12-01',
    description: 'The day the reversal is dated on the ledger: today when left out; never inside a closed accounting period',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveDate?: string;
}

@ApiTags('payments')
@Controller()
export class PaymentReversalsController {
  constructor(
    private readonly reversals: PaymentReversalsService,
    private readonly reconciliation: ReconciliationService,
    private readonly history: PaymentHistoryService,
  ) {}

  @Get('payments/reconciliation')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ description: 'Card and bank payments matched against the processor for the days from..to, with every difference' })
  @ApiOperation({ summary: 'Reconcile payments with the processor' })
  reconcile(@Query('from') from = '', @Query('to') to = '') {
    return this.reconciliation.reconcile(from, to);
  }

  @Post('processor-payments/:id/reverse')
  @HttpCode(200)
  @Authenticated({ permission: Permission.BillingVoid })
  @ApiOkResponse({
    type: PaymentReversalResponseDto,
    description: 'The void row on the ledger and, when asked, the refund with its state at the processor',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already reversed, not recorded yet, or in a closed accounting period' })
  @ApiOperation({ summary: 'Reverse a processor payment' })
  reverse(@Param('id', ParseIntPipe) id: number, @Body() dto: ReversePaymentDto) {
    return this.reversals.reverse(id, { refund: dto.refund, reason: dto.reason, effectiveDate: dto.effectiveDate });
  }

  @Get('transactions/:id/payment-history')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({
    type: PaymentHistoryResponseDto,
    description: "A payment's processor record, its reversals, refunds and disputes, for the payment's inner tabs",
  })
  @ApiOperation({ summary: "Get a payment's processor history" })
  paymentHistory(@Param('id', ParseIntPipe) id: number) {
    return this.history.ofTransaction(id);
  }

  @Get('accounts/:id/processor-refunds')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: [ProcessorRefundResponseDto], description: 'Refunds of the account, newest first' })
  @ApiOperation({ summary: "List an account's processor refunds" })
  refunds(@Param('id', ParseIntPipe) id: number) {
    return this.reversals.refundsOf(id);
  }
}
