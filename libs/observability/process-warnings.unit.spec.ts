import { type ProcessWarningEntry, routeProcessWarnings } from './process-warnings.js';

/** A warning as Node raises it, with a stack whose first frames are in `file`. */
function warningFrom(name: string, file: string, message = 'something odd'): Error {
  const warning = new Error(message);
  warning.name = name;
  warning.stack = `${name}: ${message}\n    at new Timeout (node:internal/timers:195:17)\n    at setTimeout (node:timers:120:19)\n    at RequestQueue.scheduleCheckPendingRequests (${file}:317:37)\n    at RequestQueue.checkPendingRequests (${file}:297:10)`;
  return warning;
}

const KAFKAJS_QUEUE = '/app/node_modules/kafkajs/src/network/requestQueue/index.js';

describe('routeProcessWarnings', () => {
  let entries: ProcessWarningEntry[];
  let restore: () => void;
  beforeEach(() => {
    entries = [];
    restore = routeProcessWarnings((e) => entries.push(e));
  });
  afterEach(() => restore());

  it("logs kafkajs's negative-timeout warning once, at info, saying why it is harmless", () => {
    process.emit(
      'warning',
      warningFrom('TimeoutNegativeWarning', KAFKAJS_QUEUE, '-1796656859008 is a negative number.'),
    );
    process.emit(
      'warning',
      warningFrom('TimeoutNegativeWarning', KAFKAJS_QUEUE, '-1796656859009 is a negative number.'),
    );
    expect(entries).toEqual([
      {
        level: 'info',
        msg: 'process warning',
        name: 'TimeoutNegativeWarning',
        warning: '-1796656859008 is a negative number.',
        known: expect.stringContaining('tulios/kafkajs#1751'),
      },
    ]);
  });

  it('logs the same warning raised by other code each time, at warn, with its stack', () => {
    const ours = warningFrom('TimeoutNegativeWarning', '/app/dist/libs/shared/retry.js', '-5 is a negative number.');
    process.emit('warning', ours);
    process.emit('warning', ours);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      level: 'warn',
      msg: 'process warning',
      name: 'TimeoutNegativeWarning',
      warning: '-5 is a negative number.',
      stack: ours.stack,
    });
  });

  it("keeps a warning's code", () => {
    const deprecation = Object.assign(warningFrom('DeprecationWarning', '/app/dist/x.js', 'old API'), {
      code: 'DEP0005',
    });
    process.emit('warning', deprecation);
    expect(entries).toEqual([expect.objectContaining({ level: 'warn', name: 'DeprecationWarning', code: 'DEP0005' })]);
  });

  it("takes Node's own printer off while routing, and puts it back", () => {
    restore();
    const printers = process.listeners('warning');
    restore = routeProcessWarnings((e) => entries.push(e));
    const routing = process.listeners('warning');
    expect(routing).toHaveLength(1);
    expect(printers).not.toContain(routing[0]);
    restore();
    expect(process.listeners('warning')).toEqual(printers);
    restore = routeProcessWarnings((e) => entries.push(e));
  });
});
