import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { EventStore } from '../../libs/event-store/index.js';
import { EVENT_STORE } from '../../apps/api/infrastructure/tokens.js';
import { demoClients } from '../../scripts/demo/index.js';
import { seedDemo } from '../../scripts/demo/seed.js';
import { startTestApp, testProjector, type TestApp } from '../support/index.js';
import {
  browserAvailable,
  buildWebApp,
  CHROMIUM,
  CHROMIUM_ARGS,
  describedBy,
  seriousAccessibilityViolations,
  type PageGlobals,
} from './browser.js';

/**
 * The officers' workspace in a real browser (Debian's Chromium, headless): the built page
 * served by the real API on SQLite files seeded with the demo paths, the projector following.
 */
const describeBrowser = browserAvailable ? describe : describe.skip;

describeBrowser('the workspace in the browser', () => {
  let webDir: string;
  let t: TestApp;
  let projector: Awaited<ReturnType<typeof testProjector>>;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'polku-web-build-'));
    await buildWebApp(webDir);
    t = await startTestApp({ env: { WEB_DIR: webDir } });
    await seedDemo(t.app.get<EventStore>(EVENT_STORE), demoClients());
    projector = await testProjector(t.config);
    await projector.catchUp();
    projector.follow();
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    // axe needs a page of an explicit context
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    page.setDefaultTimeout(15_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await projector?.close();
    await t?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  const noSeriousViolations = async () => expect(await seriousAccessibilityViolations(page)).toEqual([]);
  /** Chooses in an organisation picker (a combobox): types part of the name, then picks the option. */
  const pickOrganisation = async (picker: Locator, text: string, option: RegExp) => {
    await picker.fill(text);
    await page.getByRole('option', { name: option }).click();
  };

  it("signs in as a demo TYP officer (Finnish first); the session cookie is out of the page's reach", async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Kirjaudu sisään' }).waitFor();
    await noSeriousViolations();
    await page.getByRole('button', { name: 'Kirjaudu: Outi Virtanen' }).click();
    await page.getByRole('heading', { name: 'Miksi tarkastelet asiakkaan tietoja?' }).waitFor();
    await noSeriousViolations();
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.cookie)).not.toContain(
      'polku_session',
    );
    expect((await page.context().cookies()).find((c) => c.name === 'polku_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
  });

  it('states the purpose once, then shows Today: the caseload and the worklist', async () => {
    await page.getByText('Asiakastapaaminen').click(); // the Suomi.fi radio's label covers its input
    await page.getByRole('button', { name: 'Jatka' }).click();
    await page.getByRole('heading', { name: 'Tänään', level: 1 }).waitFor();
    await page.getByText('Käyttötarkoitus: Asiakastapaaminen').waitFor();
    const caseload = page.getByRole('region', { name: 'Asiakkaani' });
    await caseload.getByRole('link', { name: /demo-keski-suomi-1/ }).waitFor();
    await page
      .getByRole('region', { name: 'Organisaationi työlista' })
      .getByRole('cell', { name: 'Suunnitelman tarkistus' })
      .first()
      .waitFor();
    await noSeriousViolations();
  });

  it('finds a client by name from Today (the generated API client) and opens the path', async () => {
    const search = page.getByRole('search');
    await search.getByLabel('Hae asiakasta nimellä tai tunnisteella').fill('mallikas');
    await search.getByRole('button', { name: 'Hae' }).click();
    const hit = page.getByRole('region', { name: 'Asiakashaku' }).getByRole('link', { name: /Matti Mallikas/ });
    await hit.waitFor();
    await noSeriousViolations();
    await hit.click();
    await page.getByRole('heading', { name: 'Matti Mallikas', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Tänään', level: 1 }).waitFor();
  });

  it("opens the Central Finland client's path: entries from several organisations, each with its details", async () => {
    await page
      .getByRole('region', { name: 'Asiakkaani' })
      .getByRole('link', { name: /demo-keski-suomi-1/ })
      .click();
    await page.getByRole('heading', { name: 'Matti Mallikas', level: 1 }).waitFor();
    const lanes = page.getByRole('group', { name: /^Organisaatio: / });
    await lanes.first().waitFor();
    const withEntries: string[] = [];
    for (const lane of await lanes.all()) {
      if ((await lane.getByRole('button').count()) > 0)
        withEntries.push((await lane.getAttribute('data-organisation'))!);
    }
    expect(withEntries).toEqual(
      expect.arrayContaining(['te-keski-suomi', 'hyvaks-sote', 'kela', 'provider-jyvaskyla-settlement']),
    );

    await page.getByRole('group', { name: 'Organisaatio: Kela' }).getByRole('button').first().click();
    const details = page.getByRole('region', { name: 'Merkinnän tiedot' });
    await details.getByText('Kela', { exact: true }).waitFor();
    // what happened, in the reader's language (the API's summary is in English)
    await details.getByText('Työkyvyn arviointi: Kykyviisari', { exact: true }).waitFor();
    await page
      .getByRole('group', { name: 'Organisaatio: Kela' })
      .getByRole('button', { name: /Työkyvyn arviointi/ })
      .waitFor();
    expect(await details.textContent()).toMatch(/Tapahtui\s*2025-\d\d-\d\d/);
    expect(await details.textContent()).toMatch(/Kirjattu\s*2025-\d\d-\d\d \d\d:\d\d/);
    await noSeriousViolations();
  });

  it("records a goal review and shows each refusal next to the field it names, in the user's language", async () => {
    const form = page.getByRole('region', { name: 'Kirjaa tavoitteiden arviointi' });
    await form.getByLabel('Palvelujakso').selectOption({ label: 'Kuntouttava työtoiminta 2025-02-17–2025-08-15' });
    await form.getByLabel('Arviointipäivä (VVVV-KK-PP)').fill('2025-01-20');
    await form.getByLabel('Arvio', { exact: true }).fill('Goals partly met');
    await form.getByRole('button', { name: 'Tallenna arviointi' }).click();
    await form.getByText('Päivämäärä on ennen jakson alkua.').waitFor();
    expect(await describedBy(page, '#gr-heldOn')).toContain('Päivämäärä on ennen jakson alkua.');

    await form.getByLabel('Arviointipäivä (VVVV-KK-PP)').fill('2025-06-16');
    await form.getByText('Asiakas osallistui').click(); // the client did not take part
    await form.getByRole('button', { name: 'Tallenna arviointi' }).click();
    const participants = 'Tavoitteiden arviointiin osallistuvat asiakas, vastuuvirkailija ja omaohjaaja.';
    await form.getByText(participants).waitFor();
    expect(await form.getByRole('group', { name: 'Osallistujat' }).textContent()).toContain(participants);
    await noSeriousViolations();

    // switch language: the page and the refusal follow
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await page
      .getByRole('region', { name: 'Anteckningens uppgifter' })
      .getByText('Bedömning av arbetsförmågan: Kykyviisari', { exact: true })
      .waitFor();
    await page
      .getByText('I målbedömningen deltar klienten, den ansvariga tjänstemannen och den egna handledaren.')
      .waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)).toBe('sv');
    await noSeriousViolations();

    await page.getByRole('button', { name: 'In English' }).click();
    // the open entry's details follow the language too
    await page
      .getByRole('region', { name: 'Entry details' })
      .getByText('Work-ability assessment: Kykyviisari', { exact: true })
      .waitFor();
    await page.getByText('The client took part').click();
    // on 2025-06-16 the TYP officer following the kuty was Liisa (Outi leads since September)
    await page.getByLabel("Responsible officer's id").fill('te-liisa-korhonen');
    await page.getByLabel("Own instructor's id").fill('settlement-pekka-heikkinen');
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.getByText('The review is saved.').waitFor();
    // read your own write: the review is on the timeline after the reload with minPosition
    await page.getByRole('button', { name: /2025-06-16 Goal review held/ }).waitFor();
  });

  it('records any other command from a form the API document describes: enum labels, a refusal beside its field', async () => {
    const form = page.getByRole('region', { name: 'Record', exact: true });
    const which = form.getByLabel('What to record');
    // enum values are labelled in the user's language, not shown as codes
    await which.selectOption({ label: 'End a service period' });
    const reasons = await form.getByLabel('End reason', { exact: true }).locator('option').allTextContents();
    expect(reasons).toContain('Employment with pay subsidy');
    expect(reasons).not.toContain('employment_with_pay_subsidy');

    await which.selectOption({ label: 'Resume a service period' });
    await form.getByLabel('Service period', { exact: true }).selectOption('cf1-kuty');
    await form.getByRole('button', { name: 'Save: Resume a service period' }).click();
    await form.getByText('The period is not paused.').waitFor();
    expect(await describedBy(page, '#cmd-periodId')).toContain('The period is not paused.');
    await noSeriousViolations();

    await which.selectOption({ label: 'Review a plan' });
    await form.getByLabel('Plan', { exact: true }).selectOption('cf1-typ-plan');
    await form.getByLabel('Outcome', { exact: true }).fill('Pay-subsidised work continues');
    await form.getByRole('button', { name: 'Save: Review a plan' }).click();
    await form.getByText('The record is saved.').waitFor();
    await page
      .getByRole('button', { name: /Plan reviewed/ })
      .last()
      .waitFor();
  });

  it('records a multisectoral plan with rows of services and approving organisations; refusals beside the row field or the list', async () => {
    const form = page.getByRole('region', { name: 'Record', exact: true });
    await form.getByLabel('What to record').selectOption({ label: 'Agree a multisectoral plan' });
    const services = form.getByRole('group', { name: 'Services', exact: true });
    const service = (n: number) => services.getByRole('group', { name: `Services: row ${n}` });
    await service(1).getByLabel('Service type', { exact: true }).fill('rehabilitative_work_activity');
    await pickOrganisation(
      service(1).getByLabel('Provider (optional)', { exact: true }),
      'setlementti',
      /Jyväskylän Setlementti ry/,
    );
    // a row is added and removed by keyboard
    await services.getByRole('button', { name: 'Add a row: Services' }).press('Enter');
    await services.getByRole('button', { name: 'Add a row: Services' }).press('Enter');
    await service(3).getByRole('button', { name: 'Remove Services: row 3' }).press('Enter');
    expect(await services.getByRole('group').count()).toBe(2);
    await service(2).getByLabel('Service type', { exact: true }).fill('not a code');
    await service(2).getByLabel('Description (optional)', { exact: true }).fill('Talking therapy');

    const approvers = form.getByRole('group', { name: 'Approving organisations', exact: true });
    const approver = (n: number) => approvers.getByRole('group', { name: `Approving organisations: row ${n}` });
    await pickOrganisation(
      approver(1).getByLabel('Organisation', { exact: true }),
      'seudun',
      /Jyväskylän seudun työllisyysalue/,
    );
    await approvers.getByRole('button', { name: 'Add a row: Approving organisations' }).click();
    await pickOrganisation(approver(2).getByLabel('Organisation', { exact: true }), 'kela', /^Kela \(/);
    await form.getByLabel('Follow-up', { exact: true }).fill('Every three months');
    await form.getByLabel('Job search obligation', { exact: true }).fill('None during rehabilitation');
    await form.getByLabel('Approved by the client', { exact: true }).check();
    const save = form.getByRole('button', { name: 'Save: Agree a multisectoral plan' });
    await save.click();
    // the API's pointer into the second row (services[1].serviceType) shows beside that row's field
    await form.locator('#cmd-services-1-serviceType-error').waitFor();
    expect(await describedBy(page, '#cmd-services-1-serviceType')).toContain('Invalid value');
    expect(await form.locator('#cmd-services-0-serviceType-error').count()).toBe(0);
    await noSeriousViolations();

    await service(2).getByLabel('Service type', { exact: true }).fill('mental_health_services');
    await save.click();
    // a rule about the list as a whole shows beside the list
    await approvers.getByText("The plan's parties do not match the TYP relationship's parties.").waitFor();
    await pickOrganisation(
      approver(2).getByLabel('Organisation', { exact: true }),
      'hyvinvointi',
      /Keski-Suomen hyvinvointialue/,
    );
    await save.click();
    await form.getByText('The record is saved.').waitFor();
    await page
      .getByRole('button', { name: /Multi-sectoral employment plan agreed/ })
      .last()
      .waitFor();
    await noSeriousViolations();
  });

  it('refers the client to a provider found by name in the organisation directory, its kind and name filled in', async () => {
    const form = page.getByRole('region', { name: 'Record', exact: true });
    await form.getByLabel('What to record').selectOption({ label: 'Make a referral' });
    await form.getByLabel('Service type', { exact: true }).fill('rehabilitative_work_activity');
    // Porin kaupungin työpaja is on no Central Finland path: only the directory knows it
    const receiver = form.getByLabel('Receiver – Organisation id', { exact: true });
    await receiver.fill('työpaja');
    const option = page.getByRole('option', { name: /Porin kaupungin työpaja/ });
    await option.waitFor();
    expect(await option.textContent()).not.toContain("on the client's path");
    // by keyboard: the first match, chosen with Enter (which does not submit the form)
    await receiver.press('ArrowDown');
    expect(await receiver.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await receiver.press('Enter');
    expect(await form.getByLabel('Receiver – Kind of organisation', { exact: true }).inputValue()).toBe('provider');
    expect(await form.getByLabel('Receiver – Name (optional)', { exact: true }).inputValue()).toBe(
      'Porin kaupungin työpaja',
    );
    await form.getByLabel('Reason', { exact: true }).fill('A workshop near the new home');
    await noSeriousViolations();
    await form.getByRole('button', { name: 'Save: Make a referral' }).click();
    await form.getByText('The record is saved.').waitFor();
    const { events } = await t.app.get<EventStore>(EVENT_STORE).readStream('demo-keski-suomi-1');
    expect(events.findLast((e) => e.type === 'ReferralMade')?.data).toMatchObject({
      to: { organisationId: 'provider-pori-workshop', organisationType: 'provider', name: 'Porin kaupungin työpaja' },
      reason: 'A workshop near the new home',
    });
  });

  it('records a consent whose organisations are chosen from the directory, not typed as ids; none chosen is said to mean every TYP party', async () => {
    const form = page.getByRole('region', { name: 'Record', exact: true });
    await form.getByLabel('What to record').selectOption({ label: 'Give consent' });
    const organisations = form.getByRole('group', { name: 'Scope – Organisations', exact: true });
    await organisations.getByText('None chosen: every party of the TYP relationship.').waitFor();
    const row = (n: number) => organisations.getByRole('group', { name: `Scope – Organisations: row ${n}` });
    const add = organisations.getByRole('button', { name: 'Add a row: Scope – Organisations' });
    await add.click();
    await pickOrganisation(row(1).getByLabel('Organisation', { exact: true }), 'kela', /^Kela \(/);
    await add.click();
    // Porin kaupungin työpaja is on no Central Finland path: only the directory knows it
    await pickOrganisation(row(2).getByLabel('Organisation', { exact: true }), 'työpaja', /Porin kaupungin työpaja/);
    await add.click();
    await row(3).getByRole('button', { name: 'Remove Scope – Organisations: row 3' }).click();
    await form.getByRole('checkbox', { name: 'Plans', exact: true }).check();
    await noSeriousViolations();
    await form.getByRole('button', { name: 'Save: Give consent' }).click();
    await form.getByText('The record is saved.').waitFor();
    const { events } = await t.app.get<EventStore>(EVENT_STORE).readStream('demo-keski-suomi-1');
    expect(events.findLast((e) => e.type === 'ConsentGiven')?.data).toMatchObject({
      scope: { organisationIds: ['kela', 'provider-pori-workshop'], dataKinds: ['plans'] },
    });
  });

  it('shows the limits the API counts for each period: 178 activity days in 12 months and the 24-month maximum', async () => {
    const status = page.getByRole('complementary', { name: 'Status' });
    const kuty = status.locator('[data-period="cf1-kuty"]');
    // the seeded kuty period: 78 attended days from 2025-02-17, ended 2025-08-15 after five whole months
    const days = kuty.getByRole('meter', { name: '78 / 178 activity days in 12 months' });
    expect(await days.getAttribute('value')).toBe('78');
    const months = kuty.getByRole('meter', { name: '5 / 24 months of the maximum length' });
    expect(await months.getAttribute('value')).toBe('5');
    await noSeriousViolations();
  });

  it('zooms the timeline from the whole path down to one month, with the controls and the keyboard', async () => {
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const zoom = timeline.getByRole('toolbar', { name: 'Timeline scale' });
    const shown = async () => {
      const [, from, to] = /Showing (\S+) – (\S+)/.exec((await zoom.getByRole('status').textContent()) ?? '') ?? [];
      return { from, to, days: (Date.parse(to) - Date.parse(from)) / 86_400_000 };
    };
    const markers = () => timeline.locator('.marker').count();
    const all = await markers();

    await zoom.getByLabel('Show').selectOption({ label: '10 years' });
    expect((await shown()).days).toBe(3653);
    await zoom.getByLabel('Show').selectOption({ label: '1 month' });
    expect((await shown()).days).toBe(30);
    expect(await markers()).toBeLessThan(all);

    // keyboard: − zooms out a step, → moves half a view later
    await zoom.getByRole('button', { name: 'Earlier' }).focus();
    const before = await shown();
    await page.keyboard.press('ArrowRight');
    expect(Date.parse((await shown()).from) - Date.parse(before.from)).toBe(15 * 86_400_000);
    await page.keyboard.press('-');
    expect((await shown()).days).toBe(91);
    expect(await zoom.getByLabel('Show').inputValue()).toBe('months3');
    await page.keyboard.press('+');
    expect((await shown()).days).toBe(30);
    await noSeriousViolations();
    await zoom.getByLabel('Show').selectOption({ label: 'The whole path' });
    expect(await markers()).toBe(all);
  });

  it('opens the print view for a client meeting: the path without navigation chrome', async () => {
    await page.getByRole('link', { name: 'Print view for a meeting' }).click();
    await page.getByRole('heading', { name: 'Matti Mallikas', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Entries' })
      .getByRole('cell', { name: 'Goal review held' })
      .first()
      .waitFor();
    await page.getByRole('complementary', { name: 'Status' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('banner').count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('toolbar').count()).toBe(0); // no zoom controls on paper
    await noSeriousViolations();
    // on paper even the way back and the print button are gone
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: 'Back to the path' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Back to the path' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  });

  it('registers a new client from Today with the generated form, a refusal beside its field', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Today' }).click();
    const form = page.getByRole('region', { name: 'Register a client' });
    await form.getByLabel('Full name', { exact: true }).fill('Maija Meikäläinen');
    await form.getByLabel('Date of birth (YYYY-MM-DD)', { exact: true }).fill('2.3.1990');
    await form.getByLabel('Municipality of residence', { exact: true }).fill('Jyväskylä');
    await form.getByRole('button', { name: 'Save: Register a client' }).click();
    await form.locator('#cmd-birthDate-error').waitFor();
    expect(await describedBy(page, '#cmd-birthDate')).toContain('Invalid value');
    await noSeriousViolations();
    await form.getByLabel('Date of birth (YYYY-MM-DD)', { exact: true }).fill('1990-03-02');
    await form.getByRole('button', { name: 'Save: Register a client' }).click();
    await page.getByRole('heading', { name: 'Maija Meikäläinen', level: 1 }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toMatch(
      /^#\/clients\/te-keski-suomi/,
    );
  });

  it("signs in as an auditor and replays the path as known on an earlier date, beside today's, with what changed marked", async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in as Aila Auditor' }).click();
    await page.getByText('Supervision and audit').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Client id').fill('demo-keski-suomi-1');
    await page.getByRole('button', { name: 'Open by id' }).click();
    const replay = page.getByRole('region', { name: 'Compare with the past' });
    await replay.getByLabel('Date (YYYY-MM-DD)').fill('2025-03-01');
    await replay.getByRole('button', { name: 'Show the comparison' }).click();
    await page.getByRole('heading', { name: 'The path as known on 2025-03-01' }).waitFor();
    const note = await replay.getByRole('status').first().textContent(); // the comparison's note, then its zoom
    expect(Number(/^(\d+)/.exec(note ?? '')?.[1])).toBeGreaterThan(0);
    // the later entries are marked on today's timeline, none on the replay's
    expect(await page.getByRole('region', { name: 'Timeline' }).locator('.marker.changed').count()).toBeGreaterThan(0);
    expect(
      await page.getByRole('region', { name: 'The path as known on 2025-03-01' }).locator('.marker.changed').count(),
    ).toBe(0);
    await noSeriousViolations();
  });

  it("zooms the comparison together with today's timeline, what changed still marked", async () => {
    const todays = page.getByRole('region', { name: 'Timeline' });
    const past = page.getByRole('region', { name: 'The path as known on 2025-03-01' });
    const shown = async (region: typeof past) =>
      /Showing (\S+) – (\S+)/.exec((await region.getByRole('toolbar').getByRole('status').textContent()) ?? '');
    // choose an entry the comparison lacks; zooming in centres on it
    await todays.locator('.marker.changed').first().press('Enter');
    const zoom = past.getByRole('toolbar', { name: 'Timeline scale' });
    await zoom.getByRole('button', { name: 'Zoom in' }).press('Enter');
    await zoom.getByLabel('Show').selectOption({ label: '1 year' });
    const [, from, to] = (await shown(past)) ?? [];
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(365);
    // one zoom, one axis: today's timeline shows the same span, the change still marked in it
    expect((await shown(todays))?.[0]).toBe(`Showing ${from} – ${to}`);
    expect(await todays.getByRole('button', { name: /new since the comparison/ }).count()).toBeGreaterThan(0);
    await zoom.getByRole('button', { name: 'Earlier' }).focus();
    await page.keyboard.press('-');
    expect(await zoom.getByLabel('Show').inputValue()).toBe('years2');
    await noSeriousViolations();
    await zoom.getByLabel('Show').selectOption({ label: 'The whole path' });
  });

  it('shows the auditor the usage and disclosure logs, filtered and paged, and verifies the hash chains', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    const usage = page.getByRole('region', { name: 'Usage log' });
    await usage.getByLabel('Client id').fill('demo-keski-suomi-1');
    await usage.getByLabel("Person's id").fill('te-outi-virtanen');
    await usage.getByRole('button', { name: 'Filter' }).click();
    await usage.getByRole('cell', { name: 'client meeting' }).first().waitFor(); // the purpose Outi stated
    const people = await usage.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(people)).toEqual(new Set(['te-outi-virtanen']));
    // a page holds 10; all reads of this client fill more than one
    await usage.getByLabel("Person's id").fill('');
    await usage.getByRole('button', { name: 'Filter' }).click();
    await usage.getByRole('cell', { name: 'hyvaks-auditor-aila' }).first().waitFor();
    await usage.getByRole('button', { name: 'Next page' }).click();
    await usage.getByText('Page 2').waitFor();
    await usage.getByRole('button', { name: 'First page' }).click();
    await usage.getByText('Page 1').waitFor();

    const disclosures = page.getByRole('region', { name: 'Disclosure log' });
    await disclosures.getByLabel('Client id').fill('demo-keski-suomi-1');
    await disclosures.getByRole('button', { name: 'Filter' }).click();
    await disclosures.getByRole('cell', { name: 'demo-keski-suomi-1' }).first().waitFor();

    const integrity = page.getByRole('region', { name: 'Integrity check' });
    await integrity.getByRole('button', { name: 'Verify' }).click();
    await integrity
      .getByRole('status')
      .getByText(/The history is intact: \d+ events checked\./)
      .waitFor();
    await noSeriousViolations();
  });

  it('shows the reports: outcome charts with their tables, and the compensation ledger', async () => {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const outcomes = page.getByRole('region', { name: 'Outcomes of periods' });
    await outcomes.getByRole('img', { name: 'Periods by end reason' }).waitFor();
    await outcomes.getByRole('img', { name: 'Continuations by provider and service type' }).waitFor();
    // the seeded kuty period ended with a transfer to a work trial: labelled, not a code
    const reasons = outcomes.getByRole('table', { name: 'Periods by end reason' });
    expect(
      Number(
        await reasons
          .getByRole('row', { name: /Transfer to another service/ })
          .locator('td')
          .textContent(),
      ),
    ).toBe(1);
    expect(
      await outcomes.getByRole('table', { name: 'Continuations by provider and service type' }).textContent(),
    ).toContain('Work trial');
    const ledger = page.getByRole('region', { name: 'Compensation ledger' });
    await ledger.getByRole('img', { name: 'Euros by payer' }).waitFor();
    await ledger.getByRole('cell', { name: 'Daily compensation' }).first().waitFor();
    expect(await ledger.textContent()).toMatch(/In total €[\d,]+\.\d\d\./);
    await noSeriousViolations();
  });

  it('signs in as the client, who reads their own path and access log (703/2023 section 11)', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in as Matti Mallikas' }).click();
    await page.getByRole('link', { name: 'Open your service path' }).click();
    await page.getByRole('heading', { name: 'Matti Mallikas', level: 1 }).waitFor();
    const log = page.getByRole('region', { name: 'Who has handled my data' });
    await log.getByRole('cell', { name: 'te-outi-virtanen' }).first().waitFor();
    expect(await log.textContent()).toContain('client meeting'); // the purpose the officer stated
    // newest first, as the API answers
    const times = await log.locator('table').first().locator('tbody tr td:first-child').allTextContents();
    expect(times).toEqual([...times].sort().reverse());
    expect(await page.getByRole('region', { name: 'Record a goal review' }).count()).toBe(0);
    await noSeriousViolations();
  });

  it("lets the administrator erase a seeded client's personal data after typing the client id to confirm", async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in as Olli Ylläpitäjä' }).click();
    await page.getByText('Other, what?').click();
    await page.getByLabel('Other purpose').fill('erasure at the client request');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Erasure of personal data', level: 1 }).waitFor();
    const form = page.getByRole('region', { name: "Erase the client's personal data" });
    await form.getByLabel('Client id', { exact: true }).fill('demo-turku-1');
    await form.getByLabel('Ground', { exact: true }).selectOption({ label: "The client's request" });
    await form.getByRole('button', { name: 'Continue to confirmation' }).click();

    // the confirmation: a wrong id erases nothing
    const confirm = page.getByRole('region', { name: 'Confirm the erasure' });
    await confirm.getByLabel("Type the client's id to confirm").fill('demo-turku-2');
    await confirm.getByRole('button', { name: 'Erase for good: demo-turku-1' }).click();
    expect(await describedBy(page, '#erasure-confirm')).toContain('The id does not match the client being erased.');
    await noSeriousViolations();
    await confirm.getByLabel("Type the client's id to confirm").fill('demo-turku-1');
    await confirm.getByRole('button', { name: 'Erase for good: demo-turku-1' }).click();
    // the retention period runs: the API asks for the legal ground, shown beside that field
    await form.locator('#erasure-legalGround-error').waitFor();
    expect(await describedBy(page, '#erasure-legalGround')).toContain('A retention period is running');

    await form.getByLabel('Legal ground (optional)', { exact: true }).fill('Data protection authority order 2026/12');
    await form.getByRole('button', { name: 'Continue to confirmation' }).click();
    await confirm.getByLabel("Type the client's id to confirm").fill('demo-turku-1');
    await confirm.getByRole('button', { name: 'Erase for good: demo-turku-1' }).click();
    const result = page.getByRole('region', { name: 'Personal data erased' });
    expect(await result.textContent()).toMatch(/Clientdemo-turku-1\s*Erasedyes\s*An earlier erasure \(repeated\)no/);
    await noSeriousViolations();
  });

  it('the accessibility check does catch a serious violation (it can fail)', async () => {
    await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const img = document.createElement('img');
      img.src = 'data:,';
      document.querySelector('main')!.append(img);
    });
    expect((await seriousAccessibilityViolations(page)).join('\n')).toContain('image-alt');
  });
});
