import { Module } from '@nestjs/common';
import { ExecuteClientCommandHandler } from './client-commands/index.js';
import { ClientAccess } from './access/index.js';
import { ClientsController } from './clients/clients.controller.js';
import { PeopleController } from './people/people.controller.js';
import { PeriodsController } from './periods/periods.controller.js';
import { PlansController } from './plans/plans.controller.js';
import { QUERY_HANDLERS } from './reads/queries.js';
import { ReadsController } from './reads/reads.controller.js';
import { ReferralsController } from './referrals/referrals.controller.js';
import { TypController } from './typ/typ.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { AdminController } from './admin/admin.controller.js';
import { ClientSearchController, SearchClientsHandler } from './client-search/index.js';
import { ListOrganisationsHandler, OrganisationsController } from './organisations/index.js';

/** The service-path capability: commands for every event family, and the reads. */
@Module({
  controllers: [
    ClientsController,
    TypController,
    PlansController,
    ReferralsController,
    PeriodsController,
    PeopleController,
    ReadsController,
    AuditController,
    AdminController,
    ClientSearchController,
    OrganisationsController,
  ],
  providers: [
    ExecuteClientCommandHandler,
    ClientAccess,
    ...QUERY_HANDLERS,
    SearchClientsHandler,
    ListOrganisationsHandler,
  ],
})
export class ServicePathModule {}
