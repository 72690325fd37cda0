import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsInt, IsPositive } from 'class-validator';
import { DataSource } from 'typeorm';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { BadInputException, NotFoundException } from '../common/errors';
import { ChildAccountDto } from './dto/transaction.dto';
import { BillingFiguresDto, BillingFiguresService } from './billing-figures.service';
import { ChildAccountsService } from './child-accounts.service';
import { BooksReportDto, InvariantCheckerService } from './invariant-checker.service';
import { LedgerService } from './ledger.service';

class LinkChildAccountDto {
  @ApiProperty() @IsInt() @IsPositive() childAccountId: number;
}

@ApiTags('billing')
@Controller()
export class AccountBillingController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: BillingFiguresService,
    private readonly checker: InvariantCheckerService,
    private readonly children: ChildAccountsService,
    private readonly ledger: LedgerService,
  ) {}

  @Get('accounts/:id/billing-figures')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOkResponse({ type: BillingFiguresDto })
  @ApiOperation({ summary: "Get an account's billing figures" })
  async accountFigures(@Param('id', ParseIntPipe) id: number) {
    const [row]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('Account', id);
    return this.figures.figures(this.db.manager, id, this.ledger.today());
  }

  @Get('billing/books')
  @Authenticated({ permission: Permission.BillingConfigure })
  @ApiQuery({ name: 'accountId', required: false, description: 'Check one account (with its family); all accounts when left out' })
  @ApiOkResponse({
    type: BooksReportDto,
    description: 'Every disagreement between the recomputed books and the stored figures; empty when they balance',
  })
  @ApiOperation({ summary: 'Check the books' })
  books(@Query('accountId') accountId?: string) {
    if (accountId !== undefined && !/^[1-9]\d{0,9}$/.test(accountId)) {
      throw new BadInputException([{ field: 'accountId', rule: 'isInt', message: 'accountId must be a positive whole number' }]);
    }
    return this.checker.check(this.ledger.today(), accountId === undefined ? undefined : [Number(accountId)]);
  }

  @Get('accounts/:id/child-accounts')
  @Authenticated({ permission: Permission.BillingRead })
  @ApiOperation({ summary: "List an account's child accounts" })
  @ApiOkResponse({ type: [ChildAccountDto], description: 'The child accounts' })
  listChildren(@Param('id', ParseIntPipe) id: number) {
    return this.children.list(id);
  }

  @Post('accounts/:id/child-accounts')
  @Authenticated({ permission: Permission.BillingChildAccounts })
  @ApiOperation({ summary: 'Link a child account' })
  @ApiCreatedResponse({ type: [ChildAccountDto], description: 'The child accounts, with the new one' })
  linkChild(@Param('id', ParseIntPipe) id: number, @Body() dto: LinkChildAccountDto) {
    return this.children.link(id, dto.childAccountId);
  }

  @Delete('accounts/:id/child-accounts/:childId')
  @Authenticated({ permission: Permission.BillingChildAccounts })
  @ApiOperation({ summary: 'Unlink a child account' })
  @ApiOkResponse({ type: [ChildAccountDto], description: 'The child accounts left' })
  unlinkChild(@Param('id', ParseIntPipe) id: number, @Param('childId', ParseIntPipe) childId: number) {
    return this.children.unlink(id, childId);
  }
}
