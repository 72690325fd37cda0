import { Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { InvoiceEmailRecipientsDto, InvoiceEmailResultDto } from './dto/invoice-email.dto';
import { InvoiceEmailService } from './invoice-email.service';

@ApiTags('correspondence')
@Controller('invoices')
export class InvoiceEmailController {
  constructor(private readonly invoiceEmail: InvoiceEmailService) {}

  @Get(':id/email-recipients')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiOkResponse({ type: InvoiceEmailRecipientsDto, description: 'Who "Email invoice" would write to, and what it would attach' })
  @ApiOperation({ summary: "List an invoice's email recipients" })
  recipients(@Param('id', ParseIntPipe) id: number) {
    return this.invoiceEmail.recipientsOf(id);
  }

  @Post(':id/email')
  @Authenticated({ permission: Permission.CorrespondenceWrite })
  @ApiCreatedResponse({ type: InvoiceEmailResultDto, description: 'One email per recipient, queued for delivery' })
  @ApiOperation({ summary: 'Email an invoice' })
  email(@Param('id', ParseIntPipe) id: number) {
    return this.invoiceEmail.emailInvoice(id);
  }
}
