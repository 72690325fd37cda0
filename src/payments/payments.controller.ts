import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { BadInputException } from '../common/errors';
import { ErrorResponseDto } from '../common/error-response.dto';
import { ProcessorPaymentDto, ProcessorPaymentRequestDto } from './dto/processor-payment.dto';
import { PaymentsConfigDto } from './dto/payments-config.dto';
import { PaymentsConfigService } from './payments-config.service';
import { PaymentsService } from './payments.service';
import type { ProcessorMethodType } from './stripe.gateway';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,120}$/;

const IdempotencyKeyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'One key per payment: a retry with the same key and body returns the first result and never charges twice',
  });

function requireKey(key: string | undefined): string {
  if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
    throw new BadInputException([
      {
        field: 'Idempotency-Key',
        rule: key === undefined ? 'required' : 'format',
        message: 'Idempotency-Key must be sent: 8 to 120 letters, digits or ._:-',
      },
    ]);
  }
  return key;
}

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly paymentsConfig: PaymentsConfigService,
  ) {}

  @Get('payments/config')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: PaymentsConfigDto })
  @ApiOperation({ summary: 'How the panel collects cards and bank accounts (Stripe publishable key or test methods)' })
  config() {
    return this.paymentsConfig.get();
  }

  @Post('payments/card')
  @Authenticated({ permission: Permission.BillingManage })
  @IdempotencyKeyHeader()
  @ApiCreatedResponse({ type: ProcessorPaymentDto, description: 'Succeeded and on the ledger' })
  @ApiResponse({ status: 402, type: ErrorResponseDto, description: "Declined; the processor's reason is in the message" })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The Idempotency-Key was used for a different payment' })
  @ApiOperation({ summary: 'Charge a card' })
  card(@Body() dto: ProcessorPaymentRequestDto, @Headers('idempotency-key') key?: string) {
    return this.pay('card', dto, key);
  }

  @Post('payments/bank')
  @Authenticated({ permission: Permission.BillingManage })
  @IdempotencyKeyHeader()
  @ApiCreatedResponse({ type: ProcessorPaymentDto, description: 'Pending until the bank debit settles (through the webhook)' })
  @ApiResponse({ status: 402, type: ErrorResponseDto, description: "Refused; the processor's reason is in the message" })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The Idempotency-Key was used for a different payment' })
  @ApiOperation({ summary: 'Debit a bank account' })
  bank(@Body() dto: ProcessorPaymentRequestDto, @Headers('idempotency-key') key?: string) {
    return this.pay('bank', dto, key);
  }

  @Get('accounts/:id/processor-payments')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: [ProcessorPaymentDto], description: 'Card and bank payments of the account, newest first' })
  list(@Param('id', ParseIntPipe) id: number) {
    return this.payments.list(id);
  }

  private pay(method: ProcessorMethodType, dto: ProcessorPaymentRequestDto, key: string | undefined) {
    return this.payments.pay(method, dto, requireKey(key));
  }
}
