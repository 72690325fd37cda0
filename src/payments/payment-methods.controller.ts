import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import {
  AddPaymentMethodDto,
  PaymentMethodDto,
  SetupIntentDto,
  SetupIntentRequestDto,
  UpdatePaymentMethodDto,
} from './dto/payment-method.dto';
import { PaymentMethodsService } from './payment-methods.service';

@ApiTags('payment methods')
@Controller('accounts/:id/payment-methods')
export class PaymentMethodsController {
  constructor(private readonly methods: PaymentMethodsService) {}

  @Get()
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: [PaymentMethodDto], description: 'Saved cards and bank accounts, oldest first' })
  list(@Param('id', ParseIntPipe) id: number) {
    return this.methods.list(id);
  }

  @Post('setup-intent')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: SetupIntentDto, description: "A Stripe SetupIntent's client secret for Stripe's elements" })
  @ApiOperation({ summary: 'Start saving a payment method' })
  setupIntent(@Param('id', ParseIntPipe) id: number, @Body() dto: SetupIntentRequestDto) {
    return this.methods.setupIntent(id, dto.type ?? 'card');
  }

  @Post()
  @Authenticated({ permission: Permission.BillingManage })
  @ApiCreatedResponse({ type: PaymentMethodDto, description: 'Attached to the account’s Stripe customer and saved' })
  add(@Param('id', ParseIntPipe) id: number, @Body() dto: AddPaymentMethodDto) {
    return this.methods.add(id, dto);
  }

  @Patch(':methodId')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: PaymentMethodDto })
  update(@Param('id', ParseIntPipe) id: number, @Param('methodId', ParseIntPipe) methodId: number, @Body() dto: UpdatePaymentMethodDto) {
    return this.methods.update(id, methodId, dto);
  }

  @Delete(':methodId')
  @Authenticated({ permission: Permission.BillingManage })
  @ApiOkResponse({ type: PaymentMethodDto, description: 'Detached at Stripe and marked deleted' })
  remove(@Param('id', ParseIntPipe) id: number, @Param('methodId', ParseIntPipe) methodId: number) {
    return this.methods.remove(id, methodId);
  }
}
