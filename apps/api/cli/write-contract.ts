/**
 * Writes the published contract, generated from the code: docs/openapi.json (the HTTP API)
 * and docs/kafka-commands.schema.json (command messages). `npm run contract` runs it, then
 * regenerates the typed client and lints the document; the contract spec fails while the
 * files differ from what the code generates.
 */
import '../../../libs/shared/runtime/check.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../app.module.js';
import { loadApiConfig } from '../config.js';
import { KAFKA_COMMAND_CONTRACT } from '../../../libs/commands/envelope/index.js';
import { buildOpenApiDocument, kafkaCommandSchema } from '../infrastructure/openapi/index.js';

export const CONTRACT_FILES = { openapi: 'docs/openapi.json', kafka: 'docs/kafka-commands.schema.json' } as const;

/** The two documents of an app built (not listening) on throwaway SQLite files. */
export async function contractDocuments(): Promise<{ openapi: object; kafka: object }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'polku-contract-'));
  try {
    const app = await createApp(loadApiConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0' }), {
      logger: false,
      accessLogLevel: 'silent',
    });
    try {
      return { openapi: buildOpenApiDocument(app), kafka: kafkaCommandSchema(app, KAFKA_COMMAND_CONTRACT) };
    } finally {
      await app.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const contractText = (document: object): string => `${JSON.stringify(document, null, 2)}\n`;

async function main(): Promise<void> {
  const documents = await contractDocuments();
  await writeFile(CONTRACT_FILES.openapi, contractText(documents.openapi));
  await writeFile(CONTRACT_FILES.kafka, contractText(documents.kafka));
  console.log(`wrote ${CONTRACT_FILES.openapi} and ${CONTRACT_FILES.kafka}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
