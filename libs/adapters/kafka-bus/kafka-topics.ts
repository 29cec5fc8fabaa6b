import type { Kafka } from 'kafkajs';

/**
 * Creates the topics that do not exist yet (existing ones are left as they are).
 * Replication follows the broker's default (`default.replication.factor`).
 */
export async function ensureTopics(kafka: Kafka, topics: string[], numPartitions: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions })) });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
