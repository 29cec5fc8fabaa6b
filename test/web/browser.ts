import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { CHROMIUM } from '../../scripts/web/chromium.js';
import { testEnvironment } from '../../libs/config/index.js';

export { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/web/chromium.js';

/** Without a browser the browser specs are skipped locally, and fail in CI (as the Kafka specs do). */
export const browserAvailable = existsSync(CHROMIUM) || testEnvironment().ci;

/** Builds apps/web with Vite into `outDir` (a child process: Vite does not run inside Jest's VM). */
export function buildWebApp(outDir: string): Promise<void> {
  const node = join(process.cwd(), 'node_modules', '.bin', 'node');
  const vite = join(process.cwd(), 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      node,
      [
        vite,
        'build',
        '--config',
        'apps/web/vite.config.ts',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited ${code}: ${stderr}`))));
  });
}

/** axe-core on the page as it is now: the serious and critical violations (WCAG 2.1 AA rules). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * The page's DOM, as far as these specs touch it: functions passed to `page.evaluate` run in
 * the browser, but are type-checked here, in a program without the DOM library.
 */
export interface PageGlobals {
  document: {
    cookie: string;
    documentElement: { lang: string };
    getElementById(id: string): { textContent: string | null } | null;
    createElement(tag: 'img'): { src: string };
    querySelector(selector: string): { append(node: unknown): void } | null;
  };
}

/** The accessible descriptions (aria-describedby) of the element the locator finds. */
export async function describedBy(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id: string) =>
        id ? ((globalThis as unknown as PageGlobals).document.getElementById(id)?.textContent ?? '') : '',
      )
      .join(' '),
  );
}
