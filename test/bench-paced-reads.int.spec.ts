import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pacedLoad } from '../bench/lib/paced-load.js';
import { placementFrom } from '../bench/lib/placement.js';
import { percentile } from '../bench/lib/util.js';

/**
 * The bench's paced reads (bench/lib/paced-load.ts) against a real HTTP server on 127.0.0.1:
 * the path row's p99 is only as true as the reader that measures it.
 */
describe('the bench’s paced reads', () => {
  let server: Server;
  let url: string;
  const arrivals: number[] = [];
  let answered = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      arrivals.push(performance.now());
      const n = arrivals.length;
      // every tenth read answers slowly, /broken ones fail; each says its own time as the API does
      if (req.url === '/never') return; // never answered
      const delay = req.url === '/slow-sometimes' && n % 10 === 0 ? 40 : 0;
      setTimeout(() => {
        answered += 1;
        res.statusCode = req.url === '/broken' ? 503 : 200;
        res.setHeader(
          'server-timing',
          `log;dur=0.25;desc="usage log", log-writer;dur=0.2, log-commit;dur=0.1, log-lock;dur=0.05, other;dur=9, app;dur=${delay + 0.5}`,
        );
        res.end('{}');
      }, delay);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    arrivals.length = 0;
    answered = 0;
  });

  const get = (path: string) => [{ method: 'GET', path, headers: {} }];

  it('sends the reads spread over each second, not a second’s quota back to back', async () => {
    const summary = await pacedLoad(url, get('/'), 2, 50);
    expect(summary.requests).toBe(arrivals.length);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
    // 50/s is one read every 20 ms; a burst sender's median gap is under a millisecond
    expect(percentile(gaps, 50)).toBeGreaterThan(10);
    expect(percentile(gaps, 50)).toBeLessThan(30);
  });

  it('counts each answer once, as slow as it was', async () => {
    const summary = await pacedLoad(url, get('/slow-sometimes'), 2, 50);
    expect(summary.requests).toBe(answered);
    expect(summary.non2xx).toBe(0);
    expect(summary.p99Ms).toBeGreaterThanOrEqual(40); // one read in ten took 40 ms
    expect(summary.p50Ms).toBeLessThan(40);
    // the API's own times, the usage log's wait and its writer's, commit's and lock's parts; other names ignored
    expect(summary.server).toEqual({
      answers: answered,
      appP50Ms: 0.5,
      appP99Ms: 40.5,
      logP50Ms: 0.25,
      logP99Ms: 0.25,
      logWriterP50Ms: 0.2,
      logWriterP99Ms: 0.2,
      logCommitP50Ms: 0.1,
      logCommitP99Ms: 0.1,
      logLockP50Ms: 0.05,
      logLockP99Ms: 0.05,
    });
  });

  it('keeps failed answers out of the latencies and counts them', async () => {
    const summary = await pacedLoad(url, get('/broken'), 1, 20);
    expect(summary.non2xx).toBe(answered);
    expect(summary.sampleErrors?.[0]).toMatch(/^503 /);
    expect(summary.server.answers).toBe(0);
  });

  it('counts a read never answered as an error and still ends', async () => {
    const summary = await pacedLoad(url, get('/never'), 0.2, 20, 300);
    expect(summary.errors).toBe(arrivals.length);
    expect(summary.errors).toBeGreaterThan(0);
    expect(summary.requests).toBe(0);
    expect(summary.sampleErrors?.[0]).toMatch(/no answer within 300 ms/);
  });

  it('stops when asked, and still answers for every read it sent', async () => {
    const run = pacedLoad(url, get('/slow-sometimes'), 60, 50);
    await new Promise((resolve) => setTimeout(resolve, 500));
    run.stop();
    const summary = await run;
    expect(summary.requests).toBe(arrivals.length);
    expect(summary.requests).toBeLessThan(60 * 50);
  });
});

describe('the bench’s CPU placement', () => {
  it('takes CPU lists in taskset’s form', () => {
    expect(placementFrom(['--server-cpus', '0', '--load-cpus', '0'])).toEqual({ serverCpus: '0', loadCpus: '0' });
    expect(placementFrom([])).toEqual({});
  });

  it('refuses a malformed list or a CPU the machine does not have, naming the flag', () => {
    expect(() => placementFrom(['--server-cpus', 'all'])).toThrow(/--server-cpus must be a CPU list/);
    expect(() => placementFrom(['--reads-cpus', '0-4096'])).toThrow(/--reads-cpus names CPU 4096/);
  });
});
