import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { DomainException } from '../common/errors';
import { ContractSigningService } from './contract-signing.service';
import { ContractsErrorCode } from './contracts.error-codes';
import { PublicContractDto, PublicDeclineDto, PublicSignDto, SigningTokenDto } from './dto/contract-signing.dto';
import { PublicSigningThrottle } from './public-signing-throttle';

/**
 * What the public signing page calls, with no staff login: the link's token is the only key, and
 * it opens one document. Every call is counted per client address, links that do not work more so.
 */
@ApiTags('public signing')
@Controller('public/contract-signing')
export class PublicSigningController {
  constructor(
    private readonly signing: ContractSigningService,
    private readonly throttle: PublicSigningThrottle,
  ) {}

  @Post('view')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: PublicContractDto })
  @ApiOperation({ summary: 'The document a signing link opens' })
  view(@Body() dto: SigningTokenDto, @Req() req: Request) {
    return this.counted(req, () => this.signing.view(dto.token));
  }

  @Post('sign')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: PublicContractDto })
  sign(@Body() dto: PublicSignDto, @Req() req: Request) {
    return this.counted(req, () => this.signing.sign(dto, { address: req.ip ?? null, userAgent: req.get('user-agent') ?? null }));
  }

  @Post('decline')
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'Declined' })
  decline(@Body() dto: PublicDeclineDto, @Req() req: Request) {
    return this.counted(req, () => this.signing.decline(dto));
  }

  private async counted<T>(req: Request, work: () => Promise<T>): Promise<T> {
    this.throttle.take(req.ip);
    try {
      return await work();
    } catch (err) {
      if (err instanceof DomainException && err.code === ContractsErrorCode.SigningLinkInvalid) this.throttle.invalidLink(req.ip);
      throw err;
    }
  }
}
