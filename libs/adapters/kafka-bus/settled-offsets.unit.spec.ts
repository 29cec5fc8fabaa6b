import type { KafkaMessage } from 'kafkajs';
import { SettledOffsets } from './settled-offsets.js';
import { Limiter } from './limiter.js';

const messages = (offsets: number[]) => offsets.map((o) => ({ offset: String(o) }) as KafkaMessage);

describe('settled offsets', () => {
  it('moves only over an unbroken run of settled messages, however they finish', () => {
    const s = new SettledOffsets(messages([10, 11, 12, 13, 14]));
    expect(s.upTo).toBeUndefined();
    expect(s.settle(1)).toBeUndefined(); // 11 done, 10 still running: nothing may be committed
    expect(s.settle(3)).toBeUndefined();
    expect(s.settle(0)).toBe('11');
    expect(s.upTo).toBe('11');
    expect(s.settle(2)).toBe('13');
    expect(s.settle(4)).toBe('14');
  });
});

describe('limiter', () => {
  it('lets at most `slots` holders in, then hands slots on in arrival order', async () => {
    const limiter = new Limiter(2);
    const order: string[] = [];
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    const c = limiter.acquire().then((release) => {
      order.push('c');
      return release;
    });
    const d = limiter.acquire().then((release) => {
      order.push('d');
      return release;
    });
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]); // both slots are held
    b();
    b(); // releasing twice frees one slot only
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['c']);
    a();
    (await c)();
    (await d)();
    expect(order).toEqual(['c', 'd']);
    await limiter.acquire(); // free again
  });
});
