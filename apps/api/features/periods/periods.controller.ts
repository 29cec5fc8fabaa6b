import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ClientCommandRoute, runClientCommand } from '../client-commands/index.js';
import { IdParam } from '../shared/params.js';
import {
  ChangeServicePeriodDto,
  EndServicePeriodDto,
  HoldGoalReviewDto,
  PauseServicePeriodDto,
  ReportAbsenceDto,
  ReportAttendanceDto,
  ResumeServicePeriodDto,
  StartServicePeriodDto,
} from '../../../../libs/commands/periods/periods.dto.js';

/** Service periods (kuty, work trial, ...) with attendance, absences, goal reviews and changes. */
@ApiTags('service periods')
@Controller('clients/:clientId/periods')
export class PeriodsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ClientCommandRoute('StartServicePeriod', 'Start a service period (limits of the service type are checked)')
  start(@IdParam('clientId') clientId: string, @Body() data: StartServicePeriodDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'StartServicePeriod', data }, meta);
  }

  @Post(':periodId/pause')
  @ClientCommandRoute('PauseServicePeriod', 'Pause a period (agreed break)')
  pause(
    @IdParam('clientId') clientId: string,
    @IdParam('periodId') periodId: string,
    @Body() body: PauseServicePeriodDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'PauseServicePeriod', data: { periodId, ...body } }, meta);
  }

  @Post(':periodId/resume')
  @ClientCommandRoute('ResumeServicePeriod', 'Resume a paused period')
  resume(
    @IdParam('clientId') clientId: string,
    @IdParam('periodId') periodId: string,
    @Body() body: ResumeServicePeriodDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'ResumeServicePeriod', data: { periodId, ...body } }, meta);
  }

  @Post(':periodId/end')
  @ClientCommandRoute('EndServicePeriod', 'End a period with an end reason and the continuation')
  end(
    @IdParam('clientId') clientId: string,
    @IdParam('periodId') periodId: string,
    @Body() body: EndServicePeriodDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'EndServicePeriod', data: { periodId, ...body } }, meta);
  }

  @Post(':periodId/attendance')
  @ClientCommandRoute('ReportAttendance', 'Report attended days (weekly and 178-days-in-12-months limits are checked)')
  attendance(
    @IdParam('clientId') clientId: string,
    @IdParam('periodId') periodId: string,
    @Body() body: ReportAttendanceDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'ReportAttendance', data: { periodId, ...body } }, meta);
  }

  @Post(':periodId/goal-reviews')
  @ClientCommandRoute('HoldGoalReview', 'Goal review with the client, responsible officer and own instructor')
  goalReview(
    @IdParam('clientId') clientId: string,
    @IdParam('periodId') periodId: string,
    @Body() body: HoldGoalReviewDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'HoldGoalReview', data: { periodId, ...body } }, meta);
  }

  @Post(':periodId/change')
  @ClientCommandRoute(
    'ChangeServicePeriod',
    'Change days, hours, place or planned end during the period (the plan must carry the change)',
  )
  change(
    @IdParam('clientId') clientId: string,
    @IdParam('periodId') periodId: string,
    @Body() body: ChangeServicePeriodDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'ChangeServicePeriod', data: { periodId, ...body } }, meta);
  }

  @Post(':periodId/absences')
  @ClientCommandRoute('ReportAbsence', 'Report expected days the client missed, with the reason')
  absences(
    @IdParam('clientId') clientId: string,
    @IdParam('periodId') periodId: string,
    @Body() body: ReportAbsenceDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'ReportAbsence', data: { periodId, ...body } }, meta);
  }
}
