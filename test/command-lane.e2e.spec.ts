import { connect, type Socket } from 'node:net';
import { startTestApp, type TestApp } from './support/index.js';

/**
 * COMMAND_CONCURRENCY through the real API on its port: with one place, a command whose body
 * is still arriving holds it; the next command waits, reads pass, and a waiting command whose
 * caller hangs up is never run. The lane is observed through GET /metrics, itself a read.
 */
describe('the command lane (COMMAND_CONCURRENCY)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { COMMAND_CONCURRENCY: '1' } });
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => t?.close());

  const registration = (clientId: string) =>
    JSON.stringify({ clientId, fullName: 'Lane Test', birthDate: '1990-01-01', municipality: 'Jyväskylä' });

  /** The request's head and the first `sent` bytes of its body on a raw connection; the answer's status when it comes. */
  async function rawPost(path: string, body: string, sent = body.length) {
    const auth = (await t.authHeader('employmentOfficer')).Authorization;
    const socket: Socket = connect(port, '127.0.0.1');
    let answer = '';
    const status = new Promise<number>((resolve, reject) => {
      socket.on('data', (d) => {
        answer += d.toString();
        const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
        if (m) resolve(Number(m[1]));
      });
      socket.on('error', reject);
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, sent)}`,
    );
    return { socket, status, rest: () => socket.write(body.slice(sent)) };
  }

  async function lane(): Promise<{ running: number; waiting: number }> {
    const text = (await t.http.get('/metrics')).text;
    const gauge = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'm').exec(text)?.[1]);
    return { running: gauge('polku_http_commands_running'), waiting: gauge('polku_http_commands_waiting') };
  }

  /** Polls a read until it holds; gives up (the test fails) after 250 reads. */
  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 250; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`the lane never showed ${what}`);
  }

  it('queues a command behind the one holding the place, lets reads pass, and never runs a waiter that hung up', async () => {
    const first = await rawPost('/clients', registration('te-keski-suomi:lane-1'), 10);
    await until(async () => (await lane()).running === 1, 'the first command running');

    const second = await rawPost('/clients', registration('te-keski-suomi:lane-2'));
    await until(async () => (await lane()).waiting === 1, 'the second command waiting');
    expect((await t.http.get('/health')).status).toBe(200); // a read while a command waits

    second.socket.destroy();
    await until(async () => (await lane()).waiting === 0, 'the hung-up command gone');

    first.rest();
    expect(await first.status).toBe(201);
    first.socket.destroy();
    await until(async () => (await lane()).running === 0, 'the place free');

    // lane-2 was never registered: registering it now is new, and lane-1 is a duplicate
    const auth = await t.authHeader('employmentOfficer');
    expect(
      (
        await t.http
          .post('/clients')
          .set(auth)
          .send(JSON.parse(registration('te-keski-suomi:lane-2')))
      ).status,
    ).toBe(201);
    expect(
      (
        await t.http
          .post('/clients')
          .set(auth)
          .send(JSON.parse(registration('te-keski-suomi:lane-1')))
      ).status,
    ).toBe(422);
  });
});
