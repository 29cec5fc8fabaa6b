import type { IncomingMessage, ServerResponse } from 'node:http';
import { CommandLane } from './command-lane.js';
import { isReadMethod } from './methods.js';

/**
 * Commands (every other method) take one of `places` before they run; reads pass at once.
 * Why: one process's event loop serves both, and a read that arrives behind a burst of
 * commands waits for all of their work. With a few places the rest wait here, not in the
 * event loop, so a read waits for at most `places` commands' turns. A command whose caller
 * hangs up while it waits leaves the queue and is never run: it was not acknowledged, so it
 * did not happen. Plain (req, res, next) middleware on the raw Node objects, before the body
 * is read: the same on Express and Fastify.
 */
export function commandLaneMiddleware(places: number, onChange?: (busy: number, queued: number) => void) {
  const lane = new CommandLane(places, onChange);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (isReadMethod(req.method)) return next();
    let started = false;
    const ticket = lane.admit((leave) => {
      started = true;
      res.once('close', leave); // after the answer is sent, or when the connection drops
      next();
    });
    if (!started) res.once('close', () => ticket.withdraw());
  };
}
