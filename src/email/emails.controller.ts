import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AccountEmailsService } from './account-emails.service';
import { ComposeEmailDto, EMAIL_SORTABLE, EmailDetailDto, EmailFilterDto, EmailResponseDto, EmailSortField } from './dto/email.dto';

@ApiTags('emails')
@Controller()
export class EmailsController {
  constructor(private readonly emails: AccountEmailsService) {}

  @Get('accounts/:id/emails')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiList(EmailFilterDto)
  @ApiOkResponse({ type: [EmailResponseDto], description: 'Email to the account, newest first' })
  list(
    @Param('id', ParseIntPipe) id: number,
    @Query(new ListQueryPipe(EmailFilterDto, EMAIL_SORTABLE, { field: 'createdAt', order: 'DESC' }))
    query: ListQuery<EmailFilterDto, EmailSortField>,
  ) {
    return this.emails.list(id, query);
  }

  @Get('emails')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiList(EmailFilterDto)
  @ApiOkResponse({ type: [EmailResponseDto], description: 'Email to every account, newest first' })
  listAll(
    @Query(new ListQueryPipe(EmailFilterDto, EMAIL_SORTABLE, { field: 'createdAt', order: 'DESC' }))
    query: ListQuery<EmailFilterDto, EmailSortField>,
  ) {
    return this.emails.list(null, query);
  }

  @Post('accounts/:id/emails')
  @Authenticated({ permission: Permission.CorrespondenceWrite })
  @ApiCreatedResponse({ type: EmailDetailDto, description: 'Queued (or invalid, when a contact’s address cannot be one)' })
  @ApiOperation({ summary: 'Send an email to an account' })
  compose(@Param('id', ParseIntPipe) id: number, @Body() dto: ComposeEmailDto) {
    return this.emails.compose(id, dto);
  }

  @Get('emails/:id')
  @Authenticated({ permission: Permission.CorrespondenceRead })
  @ApiOkResponse({ type: EmailDetailDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.emails.get(id);
  }

  @Post('emails/:id/resend')
  @Authenticated({ permission: Permission.CorrespondenceWrite })
  @ApiCreatedResponse({ type: EmailDetailDto, description: 'The new copy' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The email is still being delivered' })
  @ApiOperation({ summary: 'Resend an email' })
  resend(@Param('id', ParseIntPipe) id: number) {
    return this.emails.resend(id);
  }
}
