/**
 * `node dist/scripts/web/screenshots.js [baseUrl] [outDir]`: screenshots of the workspace's main
 * views for docs/web.md, taken with the same headless Debian Chromium as the browser tests,
 * against a running `npm start` (demo seeded; default http://127.0.0.1:3000, docs/web).
 */
import '../../libs/shared/runtime/check.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'docs/web';

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fi-FI' })).newPage();
  page.setDefaultTimeout(15_000);
  const shot = async (name: string) => {
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    console.log(join(out, `${name}.png`));
  };
  const signInAs = async (p: Page, name: string) => {
    await p.getByRole('button', { name: new RegExp(`: ${name}$`) }).click();
  };

  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Kirjaudu sisään' }).waitFor();
  await shot('1-sign-in');
  await signInAs(page, 'Outi Virtanen');
  await page.getByRole('button', { name: 'Jatka' }).waitFor();
  await shot('2-purpose');
  await page.getByRole('button', { name: 'Jatka' }).click();
  await page.getByRole('heading', { name: 'Tänään', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Suunnitelman tarkistus' }).first().waitFor();
  await shot('3-today');
  await page.goto(`${base}/#/clients/demo-keski-suomi-1`);
  await page.getByRole('group', { name: 'Organisaatio: Kela' }).getByRole('button').first().click();
  await page.getByRole('region', { name: 'Merkinnän tiedot' }).waitFor();
  const form = page.getByRole('region', { name: 'Kirjaa tavoitteiden arviointi' });
  await form.getByLabel('Palvelujakso').selectOption({ label: 'Kuntouttava työtoiminta 2025-02-17–2025-08-15' });
  await form.getByLabel('Arviointipäivä (VVVV-KK-PP)').fill('2025-01-20');
  await form.getByLabel('Arvio', { exact: true }).fill('Tavoitteet osin saavutettu');
  await form.getByRole('button', { name: 'Tallenna arviointi' }).click();
  await form.getByText('Päivämäärä on ennen jakson alkua.').waitFor();
  await shot('4-client-path');
  // any other command, from the form the OpenAPI document describes, refused beside its field
  const record = page.getByRole('region', { name: 'Kirjaa', exact: true });
  await record.getByLabel('Mitä kirjataan').selectOption({ label: 'Jatka palvelujaksoa' });
  await record.getByLabel('Palvelujakso', { exact: true }).selectOption('cf1-kuty');
  await record.getByRole('button', { name: 'Tallenna: Jatka palvelujaksoa' }).click();
  await record.getByText('Jakso ei ole keskeytetty.').waitFor();
  await record.screenshot({ path: join(out, '6-command-refusal.png') });
  console.log(join(out, '6-command-refusal.png'));
  await page.goto(`${base}/#/reports`);
  await page.getByRole('img', { name: 'Jaksot päättymisen syyn mukaan' }).waitFor();
  await page.getByRole('img', { name: 'Eurot maksajan mukaan' }).waitFor();
  await shot('7-reports');
  await page.goto(`${base}/#/clients/demo-keski-suomi-1/print`);
  await page.getByRole('region', { name: 'Merkinnät' }).waitFor();
  await shot('8-print');
  await page.goto(`${base}/#/`);
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await signInAs(page, 'Aila Auditor');
  await page.getByText('Valvonta ja tarkastus').click();
  await page.getByRole('button', { name: 'Jatka' }).click();
  await page.goto(`${base}/#/clients/demo-keski-suomi-1`);
  const replay = page.getByRole('region', { name: 'Vertaa aiempaan' });
  await replay.getByLabel('Päivä (VVVV-KK-PP)').fill('2025-03-01');
  await replay.getByRole('button', { name: 'Näytä vertailu' }).click();
  await page.getByRole('heading', { name: 'Polku sellaisena kuin se tiedettiin 2025-03-01' }).waitFor();
  await shot('5-auditor-replay');
  await page.goto(`${base}/#/audit`);
  const usage = page.getByRole('region', { name: 'Käyttöloki' });
  await usage.getByLabel('Asiakkaan tunniste').fill('demo-keski-suomi-1');
  await usage.getByRole('button', { name: 'Rajaa' }).click();
  await usage.getByRole('cell', { name: 'demo-keski-suomi-1' }).first().waitFor();
  await page.getByRole('region', { name: 'Eheystarkistus' }).getByRole('button', { name: 'Tarkista' }).click();
  await page.getByText(/Historia on ehjä/).waitFor();
  await shot('9-audit');
  await page.goto(`${base}/#/`);
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await signInAs(page, 'Matti Mallikas');
  await page.getByRole('link', { name: 'Avaa oma palvelupolkusi' }).click();
  await page.getByRole('region', { name: 'Kuka tietojani on käsitellyt' }).getByRole('cell').first().waitFor();
  await shot('10-client-own-view');
} finally {
  await browser.close();
}
