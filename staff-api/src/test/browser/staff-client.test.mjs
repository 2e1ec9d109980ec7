// The staff client as the team uses it, in Debian's headless Chromium, signed in through Keycloak's own login page:
// a concern sent to intake reaches the coordinator's inbox; Kim triages and assigns it; Anna, on a phone-sized
// screen, reads the briefing and records an established contact; Kim closes it; Bo never sees it and gets "not
// yours" at its address; Ada issues a partner key that intake then accepts. A concern told on the phone is entered
// by Kim (with a passcode to read out) and by Anna on her phone; search finds an earlier concern at the same address
// and Kim links it; Kim asks an anonymous reporter a question and reads the answer that came through intake's status
// API. axe-core checks every screen against
// WCAG 2.1 A/AA. Run by StaffClientBrowserIT against the packaged services and the build's Keycloak.
//
//   node staff-client.test.mjs <staffUrl> <intakeUrl> [screenshotDir]
//
// Exits non-zero on the first failed check. CHROMIUM_PATH overrides /usr/bin/chromium.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserChecks } from '../../../../shared-model/src/test/browser/checks.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'skp-demo';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const PARTNER = `fyns-politi-${Date.now().toString(36)}`; // new each run, so the walk can be taken again

const staff = (process.argv[2] || 'http://127.0.0.1:8081').replace(/\/$/, '');
const intake = (process.argv[3] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const shots = process.argv[4] || null;
if (shots) {
  mkdirSync(shots, { recursive: true });
}

const started = Date.now();
const figures = [];

const { check, step, axe, results, axeSummary } = browserChecks(AXE_SOURCE);

async function shot(page, name) {
  if (shots) {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }
}

/** The client's screen is ready when its main heading is there and nothing is loading any more. */
async function settled(page) {
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForLoadState('networkidle');
}

/** Opens a staff page as a user who is not signed in: Keycloak's login page first, then back to that page. */
async function signIn(browser, user, path, viewport) {
  const context = await browser.newContext({ viewport, locale: 'da-DK', isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(staff + path);
  check(new URL(page.url()).pathname.includes('/realms/skp/protocol/openid-connect/auth'),
    `${user} is sent to Keycloak's login page first (at ${page.url()})`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(PASSWORD);
  await Promise.all([page.waitForURL((u) => u.toString().startsWith(staff)), page.locator('#kc-login').click()]);
  await settled(page);
  figures.push(`sign-in as ${user} (login page, code flow, first screen): ${Date.now() - t0} ms`);
  const cookies = await context.cookies(staff);
  const session = cookies.filter((c) => c.name.startsWith('q_session_web'));
  check(session.length > 0 && session.every((c) => c.httpOnly && c.sameSite === 'Strict'),
    'the session cookie is HttpOnly and SameSite=Strict');
  check(!(await page.evaluate(() => document.cookie)).includes('q_session'), 'no script can read the session cookie');
  return page;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

let reference;
let concernPath;
try {
  await step('a neighbour raises a concern at intake', async () => {
    const response = await fetch(`${intake}/api/v1/concerns`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'da' },
      body: JSON.stringify({
        reporter: { role: 'NEIGHBOUR', anonymity: 'ANONYMOUS' },
        person: { ageBand: '50_66', knowsAboutReport: 'NO', appearance: 'Høj, gråt skæg, grøn militærjakke' },
        whereabouts: { address: 'Vestergade 12, 2. th.', postcode: '5000', usualTimes: 'Om morgenen på bænken', regularity: 'DAILY' },
        observations: { indicators: ['SOCIAL_ISOLATION', 'NEGLECTED_HOME'], description: 'Ikke set i to uger; posten hober sig op.' },
        urgency: 'SOON',
      }),
    });
    check(response.status === 202, `intake answers 202 (got ${response.status})`);
    reference = (await response.json()).reference;
    check(/^SKP-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(reference), `a reference (${reference})`);
  });

  const kim = await signIn(browser, 'kim', '/', DESKTOP);

  await step('the concern appears in Kim\'s inbox', async () => {
    const link = kim.getByRole('link', { name: reference });
    for (let i = 0; i < 20 && !(await link.count()); i++) {
      await kim.waitForTimeout(500);
      await kim.reload();
      await settled(kim);
    }
    check(await link.count() === 1, `the inbox lists ${reference}`);
    check(await kim.getByRole('heading', { level: 1, name: 'Indbakke' }).count() === 1, 'the inbox is the coordinator\'s start page');
    await axe(kim, 'inbox (coordinator)');
    await shot(kim, 'staff-1-inbox');
    await link.click();
    await kim.waitForURL(/\/concerns\/[0-9a-f-]{36}$/);
    await settled(kim);
    concernPath = new URL(kim.url()).pathname;
    await kim.getByText('Vestergade 12', { exact: false }).first().waitFor({ timeout: 10000 });
    check(await kim.getByRole('heading', { name: 'Indberetningen' }).count() === 1, 'the concern page shows the whole report');
    await axe(kim, 'concern (coordinator)');
    await shot(kim, 'staff-2-concern');
  });

  await step('Kim triages it', async () => {
    await kim.locator('#open-triage').click();
    await kim.getByLabel('Modtaget i SKP').check();
    await kim.getByLabel('Høj', { exact: true }).check();
    await kim.getByLabel('Hjemløshed').check();
    await kim.getByLabel('Område', { exact: true }).fill('Odense C');
    await axe(kim, 'triage form');
    await kim.getByRole('button', { name: 'Gem visitation' }).click();
    await kim.getByText('Visitationen er gemt').first().waitFor({ timeout: 10000 });
  });

  await step('Kim assigns it to Anna from the suggestions', async () => {
    await kim.locator('#open-assign').click();
    const anna = kim.getByLabel(/Anna Holm/);
    await anna.first().waitFor({ timeout: 10000 });
    await axe(kim, 'assignment with suggestions');
    await shot(kim, 'staff-3-assign');
    await anna.first().check();
    await kim.getByRole('button', { name: 'Tildel sagen' }).click();
    await kim.getByText('Henvendelsen er tildelt Anna Holm').first().waitFor({ timeout: 10000 });
  });

  // Anna follows the link in her assignment mail (/concerns/<id>): sign-in first, then straight to the concern.
  const anna = await signIn(browser, 'anna', concernPath, PHONE);

  await step('Anna, on a 390 px screen, lands on the concern from her mail link and reads the briefing', async () => {
    check(new URL(anna.url()).pathname === concernPath, `the mail link's concern after sign-in (at ${anna.url()})`);
    await anna.getByRole('heading', { name: 'Før du går ud' }).waitFor();
    await anna.getByRole('heading', { name: 'Hvor skal du lede' }).waitFor();
    await anna.getByText('Om morgenen på bænken').first().waitFor({ timeout: 10000 });
    const overflow = await anna.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `nothing wider than the phone's screen (overflow ${overflow} px)`);
    await axe(anna, 'concern with briefing (phone)');
    await shot(anna, 'staff-5-briefing-phone');
  });

  await step('Anna\'s start page lists it among her concerns', async () => {
    await anna.goto(staff + '/');
    await settled(anna);
    check(await anna.getByRole('heading', { level: 1, name: 'Mine sager' }).count() === 1, 'a contact person starts at her own concerns');
    check(await anna.getByRole('link', { name: reference }).count() === 1, `her list shows ${reference}`);
    await axe(anna, 'my concerns (phone)');
    await shot(anna, 'staff-4-mine-phone');
    await anna.getByRole('link', { name: reference }).click();
    await anna.waitForURL((u) => u.pathname === concernPath);
    await settled(anna);
    await anna.getByRole('heading', { name: 'Før du går ud' }).waitFor();
  });

  await step('Anna records an established contact with one tap', async () => {
    await anna.getByLabel('Hvor var du').fill('Bænken ved Vestergade');
    await anna.getByRole('button', { name: 'Kontakt etableret' }).click();
    await anna.getByText('Kontaktforsøget er registreret').first().waitFor({ timeout: 10000 });
    await axe(anna, 'attempt recorded (phone)');
    await shot(anna, 'staff-6-attempt-phone');
  });

  await step('Kim closes it as handed over', async () => {
    await kim.reload();
    await settled(kim);
    await kim.locator('#open-close').click();
    await kim.getByLabel('Overdraget til et varigt tilbud').check();
    await kim.getByLabel('Overdraget til', { exact: true }).fill('Bostøtte, Odense Kommune');
    // Handing over takes the citizen's consent: without the answers, the form says what is missing.
    await kim.getByRole('button', { name: 'Afslut henvendelsen' }).click();
    await kim.getByText('Vælg, om borgeren har sagt ja til overdragelsen.').first().waitFor({ timeout: 10000 });
    check(await kim.locator('#close-services-error').count() === 1, 'the missing services are named at their field');
    await axe(kim, 'close with consent questions and errors');
    await kim.locator('#close-agreed-0').check();
    await kim.getByLabel('Bostøtte eller bolig').check();
    await kim.locator('#close-dataSharing-0').check();
    await shot(kim, 'staff-7-close-consent');
    await kim.getByRole('button', { name: 'Afslut henvendelsen' }).click();
    await kim.getByText('Henvendelsen er afsluttet').first().waitFor({ timeout: 10000 });
    await kim.getByText('Sagde ja til: Bostøtte eller bolig. SKP må videregive borgerens oplysninger.').first().waitFor({ timeout: 10000 });
    await axe(kim, 'closed concern');
    await shot(kim, 'staff-7-closed');
  });

  await step('the team alert\'s link (/concerns?reference=…) opens the concern', async () => {
    await kim.goto(`${staff}/concerns?reference=${reference}`);
    await kim.waitForURL((u) => u.pathname === concernPath, { timeout: 15000 });
    await settled(kim);
    check(await kim.getByText(reference).count() > 0, 'the concern the alert named');
  });

  await step('the signed-in coordinator\'s first screen loads', async () => {
    const t0 = Date.now();
    await kim.goto(staff + '/');
    await settled(kim);
    check(await kim.getByRole('heading', { level: 2, name: /Åbne henvendelser/ }).count() === 1, 'the inbox\'s list is there');
    figures.push(`first screen (the inbox, signed in, page and data loaded): ${Date.now() - t0} ms`);
  });

  // The municipality's profile (bin/run's default, odense): the team in the header, and a concern from a postcode
  // Odense does not serve let in with a warning.
  await step('the header names the team; a concern from outside the municipality is marked', async () => {
    check((await kim.getByTestId('team-name').first().textContent()).trim() === 'Støtte- og Kontaktpersonordningen (SKP)',
      'the header names the team of the municipality\'s profile');
    const response = await fetch(`${intake}/api/v1/concerns`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'da' },
      body: JSON.stringify({
        reporter: { role: 'SHOPKEEPER', anonymity: 'ANONYMOUS' },
        person: { ageBand: '67_PLUS', knowsAboutReport: 'UNKNOWN' },
        whereabouts: { placeDescription: 'Bænken ved Bispetorv', postcode: '8000', usualTimes: 'Formiddag', regularity: 'MOST_DAYS' },
        observations: { indicators: ['SELF_NEGLECT'], description: 'Sidder der hver dag i tynd jakke.' },
        urgency: 'NORMAL',
      }),
    });
    check(response.status === 202, `intake accepts it (the profile says warn), got ${response.status}`);
    const answer = await response.json();
    check(answer.serviceNotice.includes('hører ikke under Odense Kommune'), 'and tells the reporter it may belong elsewhere');
    const link = kim.getByRole('link', { name: answer.reference });
    for (let i = 0; i < 20 && !(await link.count()); i++) {
      await kim.waitForTimeout(500);
      await kim.reload();
      await settled(kim);
    }
    const row = kim.locator('tr', { has: link });
    check(await row.getByText('Uden for området').count() === 1, 'the inbox marks it as outside the area');
    check(await kim.locator('tr', { has: kim.getByRole('link', { name: reference }) }).getByText('Uden for området').count() === 0,
      'and not the one from 5000');
    await link.click();
    await kim.waitForURL(/\/concerns\/[0-9a-f-]{36}$/);
    await settled(kim);
    const warning = kim.getByTestId('outside-area');
    await warning.waitFor({ timeout: 10000 });
    check((await warning.textContent()).includes('8000'), 'its page says which postcode and why it matters');
    await axe(kim, 'concern outside the area');
    await shot(kim, 'staff-7b-outside-area');
  });

  await step('Kim\'s other screens: overdue, statistics, English', async () => {
    for (const [name, path, heading] of [['overdue', '/overdue', 'Overskredne frister'], ['statistics', '/statistics', 'Statistik']]) {
      await kim.goto(staff + path);
      await settled(kim);
      check(await kim.getByRole('heading', { level: 1, name: heading }).count() === 1, `${name} screen`);
      await axe(kim, name);
      await shot(kim, `staff-8-${name}`);
    }
    await kim.getByRole('button', { name: 'English' }).first().click();
    await kim.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    check(await kim.evaluate(() => document.documentElement.lang) === 'en', '<html lang> follows the language');
    await axe(kim, 'statistics (English)');
    await kim.getByRole('button', { name: 'Dansk' }).first().click();
    await kim.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
  });

  // A concern told on the phone: Kim enters it while the caller waits, and reads out the reference and passcode.
  let phoneReference;
  async function fillNewConcern(page) {
    await page.locator('#nc-role').selectOption('NEIGHBOUR');
    await page.getByLabel('Anonym', { exact: true }).check();
    await page.locator('#nc-ageBand').selectOption('50_66');
    await page.locator('#nc-knowsAboutReport-1').check();
    await page.locator('#nc-usualTimes').fill('Hver morgen ved kiosken');
    await page.locator('#nc-regularity').selectOption('DAILY');
    await page.locator('#nc-indicators-0').check();
    await page.locator('#nc-description').fill('Ringede: manden sover i opgangen og virker forvirret.');
  }

  await step('Kim opens "Ny henvendelse" and the server\'s field errors show at their fields', async () => {
    await kim.getByRole('link', { name: 'Ny henvendelse' }).first().click();
    await kim.waitForURL((u) => u.pathname === '/concerns/new');
    await settled(kim);
    check(await kim.getByRole('heading', { level: 1, name: 'Ny henvendelse' }).count() === 1, 'the new concern screen');
    await axe(kim, 'new concern (coordinator)');
    await fillNewConcern(kim);
    await kim.locator('#nc-issuePasscode-0').check();
    // No address and no place: the shared rules (intake's) refuse it, and the answer lands at the address field.
    await kim.getByRole('button', { name: 'Gem henvendelsen' }).click();
    await kim.locator('#nc-address-error').waitFor({ timeout: 10000 });
    check((await kim.locator('#nc-address-error').innerText()).includes('adresse'), 'the address field says what the rule needs');
    check(await kim.locator('#nc-errors').count() === 1, 'the error summary lists it');
    await axe(kim, 'new concern with server errors');
    await shot(kim, 'staff-13-new-concern-errors');
    // Under 18 is not SKP's: the child-welfare answer with the municipality's route, nothing stored.
    await kim.locator('#nc-address').fill('Kongensgade 3');
    await kim.locator('#nc-ageBand').selectOption('UNDER_18');
    await kim.getByRole('button', { name: 'Gem henvendelsen' }).click();
    await kim.locator('[data-testid="nc-child-welfare"]').waitFor({ timeout: 10000 });
    check(await kim.locator('#nc-ageBand-error').count() === 1, 'the age field carries the refusal');
  });

  await step('saved, it shows the reference and the passcode once, to read out', async () => {
    await kim.locator('#nc-ageBand').selectOption('50_66');
    await kim.getByRole('button', { name: 'Gem henvendelsen' }).click();
    await kim.locator('[data-testid="nc-saved"]').waitFor({ timeout: 10000 });
    phoneReference = (await kim.locator('[data-testid="nc-reference"]').innerText()).trim();
    const passcode = (await kim.locator('[data-testid="nc-passcode"]').innerText()).trim();
    check(/^SKP-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(phoneReference), `a reference (${phoneReference})`);
    check(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/.test(passcode), 'a passcode');
    check(await kim.getByText('Læs op for anmelderen nu').count() === 1, 'a clear note to read them out');
    await axe(kim, 'new concern saved');
    await shot(kim, 'staff-14-new-concern-saved');
    const status = await fetch(`${intake}/api/v1/concerns/${phoneReference}/status`, { headers: { Passcode: passcode } });
    check(status.status === 200 && (await status.json()).status === 'RECEIVED', `intake answers the reporter's status with the passcode (got ${status.status})`);
    await kim.getByRole('link', { name: 'Åbn henvendelsen' }).click();
    await kim.waitForURL(/\/concerns\/[0-9a-f-]{36}$/);
    await settled(kim);
    await kim.getByText('Kongensgade 3').first().waitFor({ timeout: 10000 });
    check((await kim.locator('.skp-dl-row', { hasText: 'Modtaget af' }).innerText()).includes('Kim Larsen'), 'the concern says who took it');
    check((await kim.locator('.skp-dl-row', { hasText: 'Kom ind via' }).innerText()).includes('Telefon'), 'and by which channel');
    await axe(kim, 'entered concern');
  });

  await step('Anna enters one on a 390 px screen; it goes to the coordinators', async () => {
    await anna.goto(staff + '/concerns/new');
    await settled(anna);
    await fillNewConcern(anna);
    await anna.locator('#nc-address').fill('Nørregade 7');
    await anna.locator('#nc-issuePasscode-1').check();
    const overflow = await anna.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `nothing wider than the phone's screen (overflow ${overflow} px)`);
    await axe(anna, 'new concern (phone)');
    await shot(anna, 'staff-15-new-concern-phone');
    await anna.getByRole('button', { name: 'Gem henvendelsen' }).click();
    await anna.locator('[data-testid="nc-saved"]').waitFor({ timeout: 10000 });
    check(await anna.locator('[data-testid="nc-passcode"]').count() === 0, 'no passcode when none was asked for');
    const annasReference = (await anna.locator('[data-testid="nc-reference"]').innerText()).trim();
    check(await anna.getByText('koordinatorernes indbakke', { exact: false }).count() > 0, 'it says where the concern went');
    await axe(anna, 'new concern saved (phone)');
    await kim.goto(staff + '/');
    await settled(kim);
    for (const ref of [phoneReference, annasReference]) {
      check(await kim.getByRole('link', { name: ref }).count() === 1, `Kim's inbox lists ${ref}`);
    }
  });

  // Finding the same person (issue #9): a new concern at the same address; search finds the earlier one, and the new
  // concern's page offers it as possibly the same person, linked in one step. Kim works on a phone-sized screen here.
  let secondReference;
  await step('a second concern arrives about someone at the same address', async () => {
    const response = await fetch(`${intake}/api/v1/concerns`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'da' },
      body: JSON.stringify({
        reporter: { role: 'SHOPKEEPER', anonymity: 'ANONYMOUS' },
        person: { ageBand: '50_66', knowsAboutReport: 'UNKNOWN', appearance: 'Gråt skæg, grøn jakke' },
        whereabouts: { address: 'Vestergade 12', postcode: '5000', usualTimes: 'Hver morgen', regularity: 'DAILY' },
        observations: { indicators: ['SELF_NEGLECT'], description: 'Sidder på trappen og drikker fra morgenstunden.' },
        urgency: 'NORMAL',
      }),
    });
    check(response.status === 202, `intake answers 202 (got ${response.status})`);
    secondReference = (await response.json()).reference;
  });

  await step('Kim, on a 390 px screen, searches a misspelt address and finds the earlier concern', async () => {
    await kim.setViewportSize(PHONE);
    await kim.goto(staff + '/search');
    await settled(kim);
    check(await kim.getByRole('heading', { level: 1, name: 'Søg i henvendelser' }).count() === 1, 'the search screen');
    await axe(kim, 'search form (phone)');
    await kim.locator('#search-address').fill('Vestregade 12');
    await kim.getByRole('button', { name: 'Søg', exact: true }).click();
    const results = kim.getByTestId('search-results');
    await results.getByRole('link', { name: reference }).waitFor({ timeout: 10000 });
    const text = await results.innerText();
    check(/Adresse \(ligner, lighed \d+ %\)/.test(text), 'each hit says why it matched (a similar address)');
    check(!text.includes('Vestergade'), 'the list shows why, not the addresses themselves');
    const overflow = await kim.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `nothing wider than the phone's screen (overflow ${overflow} px)`);
    await axe(kim, 'search results (phone)');
    await shot(kim, 'staff-search-1-results-phone');
  });

  await step('the new concern offers the earlier one as possibly the same person, and Kim links it', async () => {
    for (let i = 0; i < 20; i++) {
      await kim.goto(`${staff}/concerns?reference=${secondReference}`);
      try {
        await kim.waitForURL(/\/concerns\/[0-9a-f-]{36}$/, { timeout: 2000 });
        break;
      } catch {
        await kim.waitForTimeout(500); // not consumed from the queue yet
      }
    }
    await settled(kim);
    const panel = kim.getByTestId('same-person');
    await panel.getByRole('link', { name: reference }).waitFor({ timeout: 10000 });
    check(await panel.getByRole('heading', { name: /Muligvis samme person/ }).count() === 1, 'the panel is there');
    check((await panel.innerText()).includes('Adresse (samme)'), 'the candidate says why: the same address');
    const overflow = await kim.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `nothing wider than the phone's screen (overflow ${overflow} px)`);
    await axe(kim, 'possibly the same person (phone)');
    await panel.getByRole('button', { name: `Sammenkæd med ${reference}` }).click();
    await kim.getByText('Henvendelserne er kædet sammen').first().waitFor({ timeout: 10000 });
    await panel.getByText('Sammenkædet').first().waitFor({ timeout: 10000 });
    check(await kim.getByTestId('links').getByRole('link', { name: reference }).count() === 1, 'the links list the earlier concern');
    await axe(kim, 'candidate linked (phone)');
    await shot(kim, 'staff-search-2-same-person-phone');
    await kim.setViewportSize(DESKTOP);
  });

  // --- Asking the reporter (askback): a question to an anonymous reporter, answered through intake's status API ---
  await step('Kim asks an anonymous reporter a question, at 390 px too, and reads the answer that came through intake', async () => {
    const sent = await fetch(`${intake}/api/v1/concerns`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'da' },
      body: JSON.stringify({
        reporter: { role: 'NEIGHBOUR', anonymity: 'ANONYMOUS', wantsStatusUpdates: true },
        person: { ageBand: '67_PLUS', knowsAboutReport: 'NO' },
        whereabouts: { placeDescription: 'Bænken ved Kongens Have', postcode: '5000', usualTimes: 'Formiddag', regularity: 'DAILY' },
        observations: { indicators: ['SOCIAL_ISOLATION'], description: 'Sidder alene hver dag, tynd påklædning.' },
        urgency: 'NORMAL',
      }),
    });
    check(sent.status === 202, `intake answers 202 (got ${sent.status})`);
    const { reference: askRef, passcode } = await sent.json();
    check(Boolean(passcode), 'the anonymous reporter got a passcode');
    for (let i = 0; i < 20; i++) {
      await kim.goto(`${staff}/concerns?reference=${askRef}`);
      await kim.waitForLoadState('networkidle');
      if (/\/concerns\/[0-9a-f-]{36}$/.test(new URL(kim.url()).pathname)) break;
      await kim.waitForTimeout(500);
    }
    await settled(kim);
    await kim.getByRole('heading', { name: 'Spørg anmelderen' }).waitFor({ timeout: 10000 });
    check(await kim.getByText('Skriv ingen personoplysninger', { exact: false }).count() > 0, 'a note not to write personal data');
    await kim.getByLabel('Spørgsmål', { exact: true }).fill('Ved du, om han har et sted at sove?');
    await kim.getByRole('button', { name: 'Send spørgsmålet' }).click();
    await kim.getByText('Spørgsmålet er sendt til anmelderen').first().waitFor({ timeout: 10000 });
    await shot(kim, 'staff-ask-0-question-sent');
    const waiting = kim.getByTestId('reporter-questions').getByText('Venter på svar', { exact: true });
    await waiting.first().waitFor({ timeout: 10000 });
    check(await waiting.count() === 1, `the question waits for an answer (${await waiting.count()} shown)`);
    await axe(kim, 'question sent to the reporter');
    await kim.setViewportSize(PHONE);
    const overflow = await kim.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `the question panel fits a 390 px screen (overflow ${overflow} px)`);
    await axe(kim, 'question to the reporter (390 px)');
    await shot(kim, 'staff-ask-1-question-phone');
    await kim.setViewportSize(DESKTOP);

    // The reporter, with the passcode, as intake's status page or its JSON API sees it.
    const status = await (await fetch(`${intake}/api/v1/concerns/${askRef}/status`, { headers: { Passcode: passcode } })).json();
    check(status.question?.text === 'Ved du, om han har et sted at sove?', 'intake shows the open question with the status');
    const answered = await fetch(`${intake}/api/v1/concerns/${askRef}/answers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Passcode: passcode },
      body: JSON.stringify({ questionId: status.question.id, answer: 'Han sover i opgangen på Vestergade om vinteren.' }),
    });
    check(answered.status === 202, `intake takes the answer (got ${answered.status})`);

    const newAnswer = kim.getByRole('row').filter({ hasText: askRef }).getByText('Nyt svar fra anmelder');
    for (let i = 0; i < 20 && !(await newAnswer.count()); i++) {
      await kim.goto(staff + '/');
      await settled(kim);
      if (!(await newAnswer.count())) await kim.waitForTimeout(500);
    }
    check(await newAnswer.count() === 1, 'the inbox shows that an answer came in');
    await axe(kim, 'inbox with a new answer');
    await shot(kim, 'staff-ask-2-inbox');
    await kim.getByRole('link', { name: askRef }).click();
    await settled(kim);
    await kim.getByText('Han sover i opgangen på Vestergade om vinteren.').waitFor({ timeout: 10000 });
    check(await kim.getByRole('cell', { name: 'Anmelderen svarede' }).count() === 1, 'the history shows the answer');
    await axe(kim, 'concern with the reporter\'s answer');
    await shot(kim, 'staff-ask-3-answer');
  });

  const bo = await signIn(browser, 'bo', '/', PHONE);

  await step('Bo never sees it, and its address tells him it is not his', async () => {
    check(await bo.getByRole('link', { name: reference }).count() === 0, 'Bo\'s list does not show it');
    await bo.goto(staff + concernPath);
    await settled(bo);
    await bo.getByRole('heading', { name: 'Ikke din sag' }).waitFor();
    check(!(await bo.locator('main').innerText()).includes('Vestergade'), 'nothing of the concern is shown to Bo');
    await axe(bo, 'not yours (phone)');
    await shot(bo, 'staff-9-not-yours-phone');
    await bo.goto(staff + '/claimable');
    await settled(bo);
    await axe(bo, 'claimable (phone)');
  });

  const ada = await signIn(browser, 'ada', '/', DESKTOP);
  let key;

  await step('Ada issues a partner key, shown once', async () => {
    check(await ada.getByRole('heading', { level: 1, name: 'Kontaktpersoner' }).count() === 1, 'an admin starts at the contact persons');
    await axe(ada, 'contact persons (admin)');
    await shot(ada, 'staff-10-contact-persons');
    await ada.goto(staff + '/admin/partners');
    await settled(ada);
    await ada.getByRole('button', { name: 'Opret samarbejdspartner' }).click();
    await ada.getByLabel('Id', { exact: true }).fill(PARTNER);
    await ada.getByLabel('Navn', { exact: true }).fill('Fyns Politi');
    await ada.getByLabel('Anmelderrolle').selectOption('POLICE');
    await ada.getByRole('button', { name: 'Opret', exact: true }).click();
    await ada.getByText('Fyns Politi er oprettet').first().waitFor({ timeout: 10000 });
    await ada.getByRole('button', { name: /Udsted ny nøgle/ }).first().click();
    await ada.getByText('Nøglen vises kun denne ene gang').first().waitFor({ timeout: 10000 });
    key = (await ada.getByLabel('API-nøgle').inputValue()).trim();
    check(key.length >= 20, 'the key is shown');
    await axe(ada, 'partner key issued');
    await shot(ada, 'staff-11-partner-key');
  });

  await step('intake accepts the key Ada issued', async () => {
    const response = await fetch(`${intake}/api/v1/concerns`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({
        reporter: { name: 'Jens Hansen', organisation: 'Fyns Politi', email: 'jens.hansen@politi.example' },
        person: { ageBand: '30_49', knowsAboutReport: 'YES' },
        whereabouts: { placeDescription: 'Buskene bag banegården, nordsiden', postcode: '5000', usualTimes: 'Aften og nat', regularity: 'MOST_DAYS' },
        observations: { indicators: ['HOMELESS'], description: 'Samlet op tre gange i denne måned.' },
        urgency: 'NORMAL',
      }),
    });
    check(response.status === 202, `intake accepts a partner's concern with the new key (got ${response.status}: ${await response.text()})`);
  });

  await step('Ada\'s other screens: dead messages, audit trail', async () => {
    for (const [name, path] of [['dead messages', '/admin/dead-messages'], ['audit', '/admin/audit']]) {
      await ada.goto(staff + path);
      await settled(ada);
      await axe(ada, name);
    }
    // By the reference, as a data subject's request would name it; an admin may not read the concern itself.
    await ada.locator('#audit-concern').fill(reference);
    await ada.getByRole('button', { name: 'Vis logning' }).click();
    await ada.getByText('Anna Holm').first().waitFor({ timeout: 10000 });
    await axe(ada, 'audit trail of one concern');
    await shot(ada, 'staff-12-audit');
  });

  await step('signing out ends the provider\'s session too', async () => {
    await kim.goto(staff + '/');
    await settled(kim);
    await kim.getByRole('link', { name: 'Log af' }).first().click();
    // Through the provider's logout endpoint and back to the client's start, which asks for the password again: with
    // the provider's session still alive, it would sign Kim in without showing its form.
    await kim.locator('#password').waitFor({ state: 'visible', timeout: 15000 });
    check(new URL(kim.url()).pathname.includes('/realms/skp/protocol/openid-connect/auth'), 'Keycloak asks for the password');
    await kim.goto(staff + '/concerns');
    await kim.locator('#password').waitFor({ state: 'visible', timeout: 15000 });
    check(new URL(kim.url()).origin !== new URL(staff).origin, 'the client\'s pages need a sign-in again');
  });
} finally {
  await browser.close();
}

for (const line of axeSummary) {
  console.log(`[browser] axe ${line}`);
}
for (const line of figures) {
  console.log(`[browser] ${line}`);
}
console.log(`[browser] ${results.passed} checks passed in ${Date.now() - started} ms`);
