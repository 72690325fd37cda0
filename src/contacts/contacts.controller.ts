import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { ApiList } from '../common/api-list.decorator';
import { ListQuery, ListQueryPipe } from '../common/list-query';
import { ContactsService } from './contacts.service';
import {
  CONTACT_SORTABLE,
  ContactFilterDto,
  ContactResponseDto,
  ContactSortField,
  CreateContactDto,
  PortalCredentialsDto,
  RemoveContactQueryDto,
  UpdateContactDto,
} from './dto/contact.dto';

@ApiTags('contacts')
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiList(ContactFilterDto)
  @ApiOkResponse({ type: [ContactResponseDto] })
  list(
    @Query(new ListQueryPipe(ContactFilterDto, CONTACT_SORTABLE, { field: 'isPrimary', order: 'DESC' }))
    query: ListQuery<ContactFilterDto, ContactSortField>,
  ) {
    return this.contacts.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.AccountsRead })
  @ApiOkResponse({ type: ContactResponseDto })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.contacts.get(id);
  }

  @Post()
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiCreatedResponse({ type: ContactResponseDto })
  create(@Body() dto: CreateContactDto) {
    return this.contacts.create(dto);
  }

  @Put(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: ContactResponseDto })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateContactDto) {
    return this.contacts.update(id, dto);
  }

  @Put(':id/portal-credentials')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiOperation({ summary: "Set a contact's portal credentials" })
  setPortalCredentials(@Param('id', ParseIntPipe) id: number, @Body() dto: PortalCredentialsDto) {
    return this.contacts.setPortalCredentials(id, dto);
  }

  @Delete(':id/portal-credentials')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiOperation({ summary: "Remove a contact's portal credentials" })
  removePortalCredentials(@Param('id', ParseIntPipe) id: number) {
    return this.contacts.removePortalCredentials(id);
  }

  @Post(':id/become-primary')
  @HttpCode(200)
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiOperation({ summary: "Make a contact its account's primary contact" })
  becomePrimary(@Param('id', ParseIntPipe) id: number) {
    return this.contacts.becomePrimary(id);
  }

  @Delete(':id')
  @Authenticated({ permission: Permission.AccountsManage })
  @ApiOkResponse({ type: ContactResponseDto })
  remove(@Param('id', ParseIntPipe) id: number, @Query() query: RemoveContactQueryDto) {
    return this.contacts.remove(id, query.successorId);
  }
}
