import { readFileSync } from 'node:fs';
import type { Manifest } from '../../scripts/generate/generate.js';

export type { Manifest };
export const readManifest = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
