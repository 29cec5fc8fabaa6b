import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { runClientCommand, type CommandResult } from '../client-commands/index.js';
import { IdPipe } from '../shared/params.js';
import { generatedClientId } from './generated-client-id.js';
import {
  GiveConsentDto, LimitConsentDto, RecordBenefitStatusDto, RecordWorkAbilityAssessmentDto, RegisterClientDto, WithdrawConsentDto,
} from './clients.dto.js';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a client (starts the client\'s stream)' })
  register(@Body() body: RegisterClientDto, @CommandMeta() meta: CommandMeta): Promise<CommandResult> {
    const { clientId = generatedClientId(meta), ...data } = body;
    return runClientCommand(this.bus, clientId, { type: 'RegisterClient', data }, meta);
  }

  @Post(':clientId/consents')
  @ApiOperation({ summary: 'Record the client\'s consent to share data between organisations' })
  giveConsent(@Param('clientId', IdPipe) clientId: string, @Body() data: GiveConsentDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'GiveConsent', data }, meta, ifMatch);
  }

  @Post(':clientId/consents/:consentId/limit')
  @ApiOperation({ summary: 'Limit a consent\'s scope' })
  limitConsent(@Param('clientId', IdPipe) clientId: string, @Param('consentId', IdPipe) consentId: string, @Body() body: LimitConsentDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'LimitConsent', data: { consentId, ...body } }, meta, ifMatch);
  }

  @Post(':clientId/consents/:consentId/withdraw')
  @ApiOperation({ summary: 'Withdraw a consent (itself recorded as an event)' })
  withdrawConsent(@Param('clientId', IdPipe) clientId: string, @Param('consentId', IdPipe) consentId: string, @Body() body: WithdrawConsentDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'WithdrawConsent', data: { consentId, ...body } }, meta, ifMatch);
  }

  @Post(':clientId/benefit-status')
  @ApiOperation({ summary: 'Record benefit status (inputs of activation-plan eligibility and compensation payer)' })
  benefitStatus(@Param('clientId', IdPipe) clientId: string, @Body() data: RecordBenefitStatusDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'RecordBenefitStatus', data }, meta, ifMatch);
  }

  @Post(':clientId/work-ability-assessments')
  @ApiOperation({ summary: 'Record a work-ability assessment (Kykyviisari, VAT)' })
  workAbility(@Param('clientId', IdPipe) clientId: string, @Body() data: RecordWorkAbilityAssessmentDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'RecordWorkAbilityAssessment', data }, meta, ifMatch);
  }
}
