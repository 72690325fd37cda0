import { Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { CdrFilesService } from './cdr-files.service';
import {
  CDR_FILE_SORTABLE,
  CDR_REJECT_SORTABLE,
  CdrFileFilterDto,
  CdrFileResponseDto,
  CdrFileSortField,
  CdrFolderScanResponseDto,
  CdrRejectFilterDto,
  CdrRejectResponseDto,
  CdrRejectSortField,
  UploadCdrFileDto,
} from './dto/cdr-file.dto';

const rejectsPipe = new ListQueryPipe(CdrRejectFilterDto, CDR_REJECT_SORTABLE, { field: 'id', order: 'ASC' });

@ApiTags('voice')
@Controller()
export class CdrFilesController {
  constructor(private readonly files: CdrFilesService) {}

  @Get('voice-cdr-files')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(CdrFileFilterDto)
  @ApiOkResponse({ type: [CdrFileResponseDto] })
  @ApiOperation({ summary: 'Switch files received, by upload or from the folder, and how far each import is' })
  list(
    @Query(new ListQueryPipe(CdrFileFilterDto, CDR_FILE_SORTABLE, { field: 'id', order: 'DESC' }))
    query: ListQuery<CdrFileFilterDto, CdrFileSortField>,
  ) {
    return this.files.list(query);
  }

  /** The body is read here, after the guards, so a caller without the permission never has a byte stored. */
  @Post('voice-cdr-files')
  @Authenticated({ permission: Permission.VoiceManage })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadCdrFileDto, description: 'The options first, then file' })
  @ApiCreatedResponse({ type: CdrFileResponseDto })
  @ApiOperation({
    summary: 'Upload a switch file (CDRs) and start its import; a file that cannot be read at all is refused with the reason',
  })
  upload(@CurrentUser() user: AuthenticatedUser, @Req() req: Request) {
    return this.files.upload(req, user);
  }

  @Post('voice-cdr-files/scan')
  @HttpCode(HttpStatus.ACCEPTED)
  @Authenticated({ permission: Permission.VoiceManage })
  @ApiAcceptedResponse({ type: CdrFolderScanResponseDto })
  @ApiOperation({ summary: 'Ask the folder watcher to look in the watched folder now' })
  scan() {
    return this.files.scanFolderNow();
  }

  @Get('voice-cdr-files/:id')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiOkResponse({ type: CdrFileResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.files.get(id);
  }

  @Get('voice-cdr-files/:id/rejects')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(CdrRejectFilterDto)
  @ApiOkResponse({ type: [CdrRejectResponseDto] })
  @ApiOperation({ summary: "The file's lines that did not become calls, each with its reason" })
  fileRejects(@Param('id', ParseIntPipe) id: number, @Query(rejectsPipe) query: ListQuery<CdrRejectFilterDto, CdrRejectSortField>) {
    return this.files.rejects(id, query);
  }

  @Post('voice-cdr-files/:id/rerun')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ permission: Permission.VoiceManage })
  @ApiOkResponse({ type: CdrFileResponseDto })
  @ApiOperation({ summary: 'Read a failed or imported file again from its first line; calls recorded before count once' })
  rerun(@Param('id', ParseIntPipe) id: number) {
    return this.files.rerun(id);
  }

  @Get('voice-cdr-rejects')
  @Authenticated({ permission: Permission.VoiceRead })
  @ApiList(CdrRejectFilterDto)
  @ApiOkResponse({ type: [CdrRejectResponseDto] })
  @ApiOperation({ summary: 'Lines of every file that did not become calls, filtered by reason or file' })
  rejects(@Query(rejectsPipe) query: ListQuery<CdrRejectFilterDto, CdrRejectSortField>) {
    return this.files.rejects(null, query);
  }
}
