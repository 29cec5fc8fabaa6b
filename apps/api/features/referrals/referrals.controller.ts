import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ClientCommandRoute, runClientCommand } from '../client-commands/index.js';
import { IdParam } from '../shared/params.js';
import {
  AcceptReferralDto,
  DeclineReferralDto,
  MakeReferralDto,
  WithdrawReferralDto,
} from '../../../../libs/commands/referrals/referrals.dto.js';

/** Referrals (lähete, ohjaus): open → accepted | declined | withdrawn. */
@ApiTags('referrals')
@Controller('clients/:clientId/referrals')
export class ReferralsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ClientCommandRoute('MakeReferral', 'Refer the client to a service at another organisation')
  make(@IdParam('clientId') clientId: string, @Body() data: MakeReferralDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'MakeReferral', data }, meta);
  }

  @Post(':referralId/accept')
  @ClientCommandRoute('AcceptReferral', 'The receiving organisation accepts the referral')
  accept(
    @IdParam('clientId') clientId: string,
    @IdParam('referralId') referralId: string,
    @Body() body: AcceptReferralDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'AcceptReferral', data: { referralId, ...body } }, meta);
  }

  @Post(':referralId/decline')
  @ClientCommandRoute('DeclineReferral', 'The receiving organisation declines the referral')
  decline(
    @IdParam('clientId') clientId: string,
    @IdParam('referralId') referralId: string,
    @Body() body: DeclineReferralDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'DeclineReferral', data: { referralId, ...body } }, meta);
  }

  @Post(':referralId/withdraw')
  @ClientCommandRoute('WithdrawReferral', 'The referring organisation withdraws the referral')
  withdraw(
    @IdParam('clientId') clientId: string,
    @IdParam('referralId') referralId: string,
    @Body() body: WithdrawReferralDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'WithdrawReferral', data: { referralId, ...body } }, meta);
  }
}
