import { Body, Controller, Delete, Get, Header, Param, ParseIntPipe, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { AccountFilesService } from './account-files.service';
import {
  ACCOUNT_FILE_SORTABLE,
  AccountFileFilterDto,
  AccountFileResponseDto,
  AccountFileSortField,
  RenameAccountFileDto,
  UploadAccountFileDto,
} from './dto/account-file.dto';

@ApiTags('account-files')
@Controller('account-files')
export class AccountFilesController {
  constructor(private readonly files: AccountFilesService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(AccountFileFilterDto)
  @ApiOkResponse({ type: [AccountFileResponseDto] })
  list(
    @Query(new ListQueryPipe(AccountFileFilterDto, ACCOUNT_FILE_SORTABLE, { field: 'createdAt', order: 'DESC' }))
    query: ListQuery<AccountFileFilterDto, AccountFileSortField>,
  ) {
    return this.files.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: AccountFileResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.files.get(id);
  }

  @Get(':id/download')
  @Authenticated({ permission: Permission.AccountsRead })
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-cache')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as an attachment' })
  @ApiOperation({ summary: 'Download an account file' })
  download(@Param('id', ParseIntPipe) id: number) {
    return this.files.download(id);
  }

  @Get(':id/thumbnail')
  @Authenticated({ permission: Permission.AccountsRead })
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiProduces('image/webp')
  @ApiOkResponse({ description: 'A WebP at most 256 pixels on its longer side' })
  @ApiOperation({ summary: "Get an account file's thumbnail" })
  thumbnail(@Param('id', ParseIntPipe) id: number) {
    return this.files.thumbnail(id);
  }

  /** The body is read here, not by a middleware, so the guards have refused strangers before a byte is stored. */
  @Post()
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAccountFileDto, description: 'accountId first, then file' })
  @ApiCreatedResponse({ type: AccountFileResponseDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Larger than FILE_MAX_BYTES' })
  @ApiOperation({ summary: 'Upload an account file' })
  upload(@CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.files.upload(req, user);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: AccountFileResponseDto })
  @ApiOperation({ summary: 'Rename an account file' })
  rename(@Param('id', ParseIntPipe) id: number, @Body() dto: RenameAccountFileDto) {
    return this.files.rename(id, dto);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: AccountFileResponseDto, description: 'The deleted file' })
  delete(@Param('id', ParseIntPipe) id: number) {
    return this.files.delete(id);
  }
}
