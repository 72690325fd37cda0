import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { AccountHeaderDto, CustomFieldDisplayDto } from './account-header.dto';
import { AccountPageService } from './account-page.service';

@ApiTags('accounts')
@Controller('accounts/:id')
export class AccountPageController {
  constructor(private readonly page: AccountPageService) {}

  @Get('header')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountHeaderDto })
  @ApiOperation({ summary: "Get an account page's header" })
  header(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthenticatedUser) {
    return this.page.header(id, user);
  }

  @Get('custom-fields')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: [CustomFieldDisplayDto] })
  @ApiOperation({ summary: "Get an account's custom field values" })
  customFields(@Param('id', ParseIntPipe) id: number) {
    return this.page.customFieldsOf(id);
  }
}
