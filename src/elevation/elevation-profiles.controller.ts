import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { Permission } from '../auth/permission';
import { AccountNetworkSitesResponseDto, ElevationProfileQueryDto, ElevationProfileResponseDto } from './dto/elevation-profile.dto';
import { ElevationProfilesService } from './elevation-profiles.service';

/** What the account page's Elevation Profile tab shows: the sites around the address, and the path to one of them. */
@ApiTags('elevation')
@Controller('accounts/:id')
export class ElevationProfilesController {
  constructor(private readonly profiles: ElevationProfilesService) {}

  @Get('network-sites')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({ summary: "List the network sites around an account's service address, nearest first" })
  @ApiOkResponse({ type: AccountNetworkSitesResponseDto })
  sitesAround(@Param('id', ParseIntPipe) id: number) {
    return this.profiles.sitesAround(id);
  }

  @Get('elevation-profile')
  @Authenticated({ permission: Permission.NetworkRead })
  @ApiOperation({ summary: "Get the elevation profile from an account's service address to a network site" })
  @ApiOkResponse({ type: ElevationProfileResponseDto })
  profile(@Param('id', ParseIntPipe) id: number, @Query() query: ElevationProfileQueryDto) {
    return this.profiles.profile(id, query);
  }
}
