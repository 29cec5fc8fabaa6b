import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { runClientCommand } from '../client-commands/index.js';
import { IdPipe } from '../shared/params.js';
import { AcceptReferralDto, DeclineReferralDto, MakeReferralDto, WithdrawReferralDto } from './referrals.dto.js';

/** Referrals (lähete, ohjaus): open → accepted | declined | withdrawn. */
@ApiTags('referrals')
@Controller('clients/:clientId/referrals')
export class ReferralsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Refer the client to a service at another organisation' })
  make(@Param('clientId', IdPipe) clientId: string, @Body() data: MakeReferralDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'MakeReferral', data }, meta, ifMatch);
  }

  @Post(':referralId/accept')
  @ApiOperation({ summary: 'The receiving organisation accepts the referral' })
  accept(@Param('clientId', IdPipe) clientId: string, @Param('referralId', IdPipe) referralId: string, @Body() body: AcceptReferralDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'AcceptReferral', data: { referralId, ...body } }, meta, ifMatch);
  }

  @Post(':referralId/decline')
  @ApiOperation({ summary: 'The receiving organisation declines the referral' })
  decline(@Param('clientId', IdPipe) clientId: string, @Param('referralId', IdPipe) referralId: string, @Body() body: DeclineReferralDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'DeclineReferral', data: { referralId, ...body } }, meta, ifMatch);
  }

  @Post(':referralId/withdraw')
  @ApiOperation({ summary: 'The referring organisation withdraws the referral' })
  withdraw(@Param('clientId', IdPipe) clientId: string, @Param('referralId', IdPipe) referralId: string, @Body() body: WithdrawReferralDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'WithdrawReferral', data: { referralId, ...body } }, meta, ifMatch);
  }
}
