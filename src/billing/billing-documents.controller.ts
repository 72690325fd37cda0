import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { BillingDocumentsService } from './billing-documents.service';

function sendPdf(res: Response, filename: string, pdf: Buffer): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(pdf);
}

@ApiTags('documents')
@Controller()
export class BillingDocumentsController {
  constructor(private readonly documents: BillingDocumentsService) {}

  @Get('invoices/:id/invoice.pdf')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Download an invoice as PDF' })
  @ApiOkResponse({ description: 'The invoice', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async invoice(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    sendPdf(res, `invoice-${id}.pdf`, await this.documents.invoicePdf(id));
  }

  @Get('invoices/:id/statement.pdf')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Download a statement as PDF' })
  @ApiOkResponse({ description: 'The statement', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async statement(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    sendPdf(res, `statement-${id}.pdf`, await this.documents.statementPdf(id));
  }

  @Get('transactions/:id/receipt.pdf')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Download a receipt as PDF' })
  @ApiOkResponse({ description: 'The receipt', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async receipt(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    sendPdf(res, `receipt-${id}.pdf`, await this.documents.receiptPdf(id));
  }
}
