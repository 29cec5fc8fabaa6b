import type { Consumer } from 'kafkajs';
import { PartitionCommits } from './partition-commits.js';

/** A consumer that records the offsets it is asked to commit (the broker is not the subject here). */
function recordingConsumer(): { consumer: Consumer; sent: string[] } {
  const sent: string[] = [];
  const consumer = {
    commitOffsets: async (offsets: { offset: string }[]) => {
      sent.push(...offsets.map((o) => o.offset));
    },
  } as unknown as Consumer;
  return { consumer, sent };
}

describe('partition commits', () => {
  it('sends the newest offset once and is idle afterwards', async () => {
    const { consumer, sent } = recordingConsumer();
    const commits = new PartitionCommits(consumer, 'commands', 0);
    const first = commits.request('4');
    void commits.request('6'); // asked while the first is in flight: only the newest follows
    void commits.request('5');
    await first;
    await commits.flush();
    expect(sent).toEqual(['5', '7']);
    expect(commits.busy).toBe(false);
  });

  it('asking again for an offset already committed leaves nothing running, so flush() returns', async () => {
    const { consumer, sent } = recordingConsumer();
    const commits = new PartitionCommits(consumer, 'commands', 3);
    await commits.request('9');
    await commits.flush();
    // the end of a batch asks again for what was committed during it
    await commits.request('9');
    await commits.request('2');
    // before the fix a settled promise stayed in `running` and flush() spun on it forever
    expect(commits.busy).toBe(false);
    await commits.flush();
    expect(sent).toEqual(['10']);
  });
});
