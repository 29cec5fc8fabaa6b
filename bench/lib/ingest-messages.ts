/**
 * Inbound command messages for the Kafka ingest benchmark, as agency systems would send
 * them for existing clients: the provider's system reports attendance and goal reviews on
 * behalf of the instructor, the TE office's or wellbeing county's system reports plan
 * reviews on behalf of the responsible officer. Every message is dry-run through the
 * domain (access policy, decide, evolve) on the client's real state, in the order it will
 * be consumed, so the whole set is valid: the ingest must dead-letter none of them.
 */
import { randomUUID } from 'node:crypto';
import { loadClientState } from '../../libs/application/index.js';
import {
  addDays,
  authoriseClientAccess,
  decide,
  evolve,
  toDate,
  type ClientCommand,
  type ClientPathState,
} from '../../libs/domain/index.js';
import type { EventStore } from '../../libs/event-store/index.js';
import type { Actor, OrganisationType, PolkuDomainEvent } from '../../libs/events/index.js';
import type { Manifest } from './manifest.js';

export interface Publisher {
  organisationId: string;
  organisationType: OrganisationType;
}
export interface IngestMessage {
  clientId: string;
  publisher: Publisher;
  value: string;
}

type Candidate = { command: ClientCommand; actor: Actor };

/** The actor of a generated officer id (organisation = the id without its number). */
export const officerActor = (personId: string): Actor => {
  const organisationId = personId.replace(/-\d+$/, '');
  return {
    personId,
    displayName: 'Bench Officer',
    organisationId,
    organisationType: organisationId.startsWith('te-') ? 'employment_authority' : 'wellbeing_county',
  };
};

/** Weekday dates of a client's attendance schedule from `from` up to `to`, oldest first. */
function scheduleDates(weekdays: number[], from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = toDate(d).getUTCDay();
    if (weekdays.includes(wd === 0 ? 7 : wd)) out.push(d);
  }
  return out;
}

/** One client's candidate commands in the order its agency systems would send them. */
function candidates(
  c: Manifest['clientSummaries'][number],
  from: string,
  lastDay: string,
  rounds: number,
): Candidate[] {
  const out: Candidate[] = [];
  const attendance = c.kuty ? scheduleDates(c.kuty.weekdays, from, lastDay) : [];
  const officer = c.responsibleOfficerId ? officerActor(c.responsibleOfficerId) : undefined;
  for (let r = 0; r < rounds; r++) {
    const day = addDays(lastDay, -(rounds - 1 - r)); // a review a day, ending yesterday
    if (c.kuty) {
      const k = c.kuty;
      // attendance in date order; a goal review every fifth round
      const date = attendance[Math.floor((r * attendance.length) / rounds)];
      if (date)
        out.push({
          actor: k.instructor,
          command: {
            type: 'ReportAttendance',
            data: { periodId: k.periodId, attendedDates: [date], hoursPerDay: k.hoursPerDay },
          },
        });
      if (r % 5 === 4 && c.responsibleOfficerId) {
        out.push({
          actor: k.instructor,
          command: {
            type: 'HoldGoalReview',
            data: {
              periodId: k.periodId,
              heldOn: day,
              assessment: 'Attends regularly',
              participants: {
                client: true,
                responsibleOfficerId: c.responsibleOfficerId,
                ownInstructorId: k.instructor.personId,
              },
            },
          },
        });
      }
    }
    if (c.multisectoralPlanId && officer) {
      out.push({
        actor: officer,
        command: {
          type: 'ReviewPlan',
          data: {
            planId: c.multisectoralPlanId,
            reviewedOn: day,
            requestedByClient: r % 7 === 0,
            outcome: 'Plan continues as agreed',
          },
        },
      });
    }
  }
  return out;
}

/** Keeps the candidates the domain accepts, evolving the state as the ingest will. */
function accepted(clientId: string, state: ClientPathState, list: Candidate[], today: string): Candidate[] {
  const kept: Candidate[] = [];
  let s = state;
  for (const cand of list) {
    const access = { personId: `system-${cand.actor.organisationId}`, organisationId: cand.actor.organisationId };
    if (!authoriseClientAccess('agency_system', access, s, 'write', clientId).allowed) continue;
    try {
      const drafts = decide(cand.command, s, { actor: cand.actor, today, newId: randomUUID });
      for (const d of drafts) {
        s = evolve(s, {
          ...d,
          eventId: randomUUID(),
          clientId,
          schemaVersion: 1,
          recordedAt: `${today}T00:00:00.000Z`,
          actor: cand.actor,
          correlationId: 'bench',
          causationId: null,
        } as unknown as PolkuDomainEvent);
      }
      kept.push(cand);
    } catch {
      /* not valid for this client at this point: an agency system would not send it */
    }
  }
  return kept;
}

/**
 * About `count` valid messages (fewer only when the data set runs out), interleaved across
 * clients so every partition carries many clients. `today` is the ingest's date (real clock).
 */
export async function buildIngestMessages(
  store: EventStore,
  manifest: Manifest,
  count: number,
  today: string,
): Promise<IngestMessage[]> {
  const clients = manifest.clientSummaries.filter((c) => c.responsibleOfficerId);
  const lastDay = addDays(today, -1); // never "today": the run may cross midnight
  const from = addDays(manifest.end, 1);
  const rounds = Math.max(1, Math.ceil(count / Math.max(1, clients.length)));
  const perClient: IngestMessage[][] = [];
  for (const c of clients) {
    const { state } = await loadClientState(store, c.clientId);
    perClient.push(
      accepted(c.clientId, state, candidates(c, from, lastDay, rounds + 2), today).map((cand, i) => ({
        clientId: c.clientId,
        publisher: { organisationId: cand.actor.organisationId, organisationType: cand.actor.organisationType },
        value: JSON.stringify({
          schemaVersion: 1,
          idempotencyKey: `bench-${c.clientId}-${i}`,
          clientId: c.clientId,
          command: cand.command,
          actor: { personId: cand.actor.personId, displayName: cand.actor.displayName },
        }),
      })),
    );
  }
  const out: IngestMessage[] = [];
  for (let i = 0; out.length < count; i++) {
    let any = false;
    for (const list of perClient) {
      if (i < list.length) {
        out.push(list[i]);
        any = true;
      }
      if (out.length >= count) break;
    }
    if (!any) break;
  }
  return out;
}
