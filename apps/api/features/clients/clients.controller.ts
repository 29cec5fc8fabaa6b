import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ClientCommandRoute, runClientCommand, type CommandResult } from '../client-commands/index.js';
import { IdParam } from '../shared/params.js';
import { generatedClientId } from './generated-client-id.js';
import {
  GiveConsentDto,
  LimitConsentDto,
  RecordBenefitStatusDto,
  RecordWorkAbilityAssessmentDto,
  RegisterClientDto,
  WithdrawConsentDto,
} from '../../../../libs/commands/clients/clients.dto.js';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ClientCommandRoute('RegisterClient', "Register a client (starts the client's stream)")
  register(@Body() body: RegisterClientDto, @CommandMeta() meta: CommandMeta): Promise<CommandResult> {
    const { clientId = generatedClientId(meta), ...data } = body;
    return runClientCommand(this.bus, clientId, { type: 'RegisterClient', data }, meta);
  }

  @Post(':clientId/consents')
  @ClientCommandRoute('GiveConsent', "Record the client's consent to share data between organisations")
  giveConsent(@IdParam('clientId') clientId: string, @Body() data: GiveConsentDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'GiveConsent', data }, meta);
  }

  @Post(':clientId/consents/:consentId/limit')
  @ClientCommandRoute('LimitConsent', "Limit a consent's scope")
  limitConsent(
    @IdParam('clientId') clientId: string,
    @IdParam('consentId') consentId: string,
    @Body() body: LimitConsentDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'LimitConsent', data: { consentId, ...body } }, meta);
  }

  @Post(':clientId/consents/:consentId/withdraw')
  @ClientCommandRoute('WithdrawConsent', 'Withdraw a consent (itself recorded as an event)')
  withdrawConsent(
    @IdParam('clientId') clientId: string,
    @IdParam('consentId') consentId: string,
    @Body() body: WithdrawConsentDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'WithdrawConsent', data: { consentId, ...body } }, meta);
  }

  @Post(':clientId/benefit-status')
  @ClientCommandRoute(
    'RecordBenefitStatus',
    'Record benefit status (inputs of activation-plan eligibility and compensation payer)',
  )
  benefitStatus(
    @IdParam('clientId') clientId: string,
    @Body() data: RecordBenefitStatusDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'RecordBenefitStatus', data }, meta);
  }

  @Post(':clientId/work-ability-assessments')
  @ClientCommandRoute('RecordWorkAbilityAssessment', 'Record a work-ability assessment (Kykyviisari, VAT)')
  workAbility(
    @IdParam('clientId') clientId: string,
    @Body() data: RecordWorkAbilityAssessmentDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'RecordWorkAbilityAssessment', data }, meta);
  }
}
