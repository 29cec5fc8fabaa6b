import { createServer } from 'node:net';

/*
 * Ports below the ephemeral range (32768–60999 here): the OS never gives one of these to an
 * outgoing connection. A port the OS picked with listen(0) is from that range, and between
 * closing it and the test's own listen, another suite's PostgreSQL or Kafka client could take
 * it as its local port (seen: EADDRINUSE in the OpenID sign-in suite).
 */
const FIRST = 20_000;
const COUNT = 12_000;
const ATTEMPTS = 50;

/**
 * A port nobody listens on right now, for a server a test starts a moment later (a process,
 * or one whose address must be known before it listens). Random, so parallel suites rarely
 * pick the same one; checked free by listening on it.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = FIRST + Math.floor(Math.random() * COUNT);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port among ${ATTEMPTS} tried in ${FIRST}–${FIRST + COUNT - 1}`);
}

const isFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
