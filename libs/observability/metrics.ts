import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one process; each app exposes `registry` on GET /metrics. */
export class PolkuMetrics {
  readonly registry = new Registry();
  readonly eventsAppended = new Counter({
    name: 'polku_events_appended_total',
    help: 'Events appended to the event store, by command',
    labelNames: ['command'],
    registers: [this.registry],
  });
  readonly commandsRejected = new Counter({
    name: 'polku_commands_rejected_total',
    help: 'Commands refused (rule, access, conflict)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly clientStateLoads = new Counter({
    name: 'polku_client_state_loads_total',
    help: "Decision states commands decided on, by where they came from: the process's cache, the projector's snapshot and the events after it, or the whole stream",
    labelNames: ['from'],
    registers: [this.registry],
  });
  readonly decisionStateSealFailures = new Counter({
    name: 'polku_decision_state_seal_failures_total',
    help: "Projected decision states whose seal with the client's key did not verify (altered outside the projector, another client's, or the key destroyed since): the command read the whole stream",
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'polku_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly usageLogWait = new Histogram({
    name: 'polku_usage_log_wait_seconds',
    help: 'Time a request waited for its usage and disclosure log entries to be durable (written before any client data leaves); a p99 that grows means the disk holding the audit log is slow or shared',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly commandsRunning = new Gauge({
    name: 'polku_http_commands_running',
    help: 'HTTP commands this API process is running (at most COMMAND_CONCURRENCY)',
    registers: [this.registry],
  });
  readonly commandsWaiting = new Gauge({
    name: 'polku_http_commands_waiting',
    help: 'HTTP commands waiting for a place (COMMAND_CONCURRENCY); reads never wait',
    registers: [this.registry],
  });
  readonly projectorCheckpoint = new Gauge({
    name: 'polku_projector_checkpoint',
    help: 'Last global position applied to the read models',
    registers: [this.registry],
  });
  readonly projectorHead = new Gauge({
    name: 'polku_projector_head',
    help: 'Event store head position seen by the projector',
    registers: [this.registry],
  });
  readonly projectorLag = new Gauge({
    name: 'polku_projector_lag_events',
    help: 'Events not yet projected (head - checkpoint)',
    registers: [this.registry],
  });
  readonly projectedEvents = new Counter({
    name: 'polku_projected_events_total',
    help: 'Events applied to the read models',
    registers: [this.registry],
  });
  readonly ingestMessages = new Counter({
    name: 'polku_ingest_messages_total',
    help: 'Kafka command messages handled',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly dlqMessages = new Counter({
    name: 'polku_dlq_messages_total',
    help: 'Messages sent to the dead-letter topic',
    labelNames: ['error_type'],
    registers: [this.registry],
  });
  readonly publishedEvents = new Counter({
    name: 'polku_published_events_total',
    help: 'Path events published to Kafka',
    registers: [this.registry],
  });

  constructor(service: string, withDefaults = true) {
    this.registry.setDefaultLabels({ service });
    if (withDefaults) collectDefaultMetrics({ register: this.registry });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
