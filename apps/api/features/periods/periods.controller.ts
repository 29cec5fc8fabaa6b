import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { runClientCommand } from '../client-commands/index.js';
import { IdPipe } from '../shared/params.js';
import {
  ChangeServicePeriodDto, EndServicePeriodDto, HoldGoalReviewDto, PauseServicePeriodDto, ReportAbsenceDto, ReportAttendanceDto,
  ResumeServicePeriodDto, StartServicePeriodDto,
} from './periods.dto.js';

/** Service periods (kuty, work trial, ...) with attendance, absences, goal reviews and changes. */
@ApiTags('service periods')
@Controller('clients/:clientId/periods')
export class PeriodsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Start a service period (limits of the service type are checked)' })
  start(@Param('clientId', IdPipe) clientId: string, @Body() data: StartServicePeriodDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'StartServicePeriod', data }, meta, ifMatch);
  }

  @Post(':periodId/pause')
  @ApiOperation({ summary: 'Pause a period (agreed break)' })
  pause(@Param('clientId', IdPipe) clientId: string, @Param('periodId', IdPipe) periodId: string, @Body() body: PauseServicePeriodDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'PauseServicePeriod', data: { periodId, ...body } }, meta, ifMatch);
  }

  @Post(':periodId/resume')
  @ApiOperation({ summary: 'Resume a paused period' })
  resume(@Param('clientId', IdPipe) clientId: string, @Param('periodId', IdPipe) periodId: string, @Body() body: ResumeServicePeriodDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'ResumeServicePeriod', data: { periodId, ...body } }, meta, ifMatch);
  }

  @Post(':periodId/end')
  @ApiOperation({ summary: 'End a period with an end reason and the continuation' })
  end(@Param('clientId', IdPipe) clientId: string, @Param('periodId', IdPipe) periodId: string, @Body() body: EndServicePeriodDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'EndServicePeriod', data: { periodId, ...body } }, meta, ifMatch);
  }

  @Post(':periodId/attendance')
  @ApiOperation({ summary: 'Report attended days (weekly and 178-days-in-12-months limits are checked)' })
  attendance(@Param('clientId', IdPipe) clientId: string, @Param('periodId', IdPipe) periodId: string, @Body() body: ReportAttendanceDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'ReportAttendance', data: { periodId, ...body } }, meta, ifMatch);
  }

  @Post(':periodId/goal-reviews')
  @ApiOperation({ summary: 'Goal review with the client, responsible officer and own instructor' })
  goalReview(@Param('clientId', IdPipe) clientId: string, @Param('periodId', IdPipe) periodId: string, @Body() body: HoldGoalReviewDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'HoldGoalReview', data: { periodId, ...body } }, meta, ifMatch);
  }

  @Post(':periodId/change')
  @ApiOperation({ summary: 'Change days, hours, place or planned end during the period (the plan must carry the change)' })
  change(@Param('clientId', IdPipe) clientId: string, @Param('periodId', IdPipe) periodId: string, @Body() body: ChangeServicePeriodDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'ChangeServicePeriod', data: { periodId, ...body } }, meta, ifMatch);
  }

  @Post(':periodId/absences')
  @ApiOperation({ summary: 'Report expected days the client missed, with the reason' })
  absences(@Param('clientId', IdPipe) clientId: string, @Param('periodId', IdPipe) periodId: string, @Body() body: ReportAbsenceDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'ReportAbsence', data: { periodId, ...body } }, meta, ifMatch);
  }
}
