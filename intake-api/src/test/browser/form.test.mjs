// The intake web form as people use it, in Debian's headless Chromium: with JavaScript (proof of work solved in the
// page) and without, in Danish and English, valid and invalid, each page checked with axe-core against WCAG 2.1 A/AA.
//
//   node form.test.mjs <baseUrl> [screenshotDir] [reference:passcode]
//
// With a reference and passcode (of a concern whose team has put a question to the reporter), also the status page:
// the reporter looks up the status, reads the question and answers it, without JavaScript.
//
// Exits non-zero on the first failed check. CHROMIUM_PATH overrides /usr/bin/chromium.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserChecks } from '../../../../shared-model/src/test/browser/checks.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const REFERENCE = /^SKP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const base = new URL(process.argv[2] || 'http://localhost:8080/');
const shots = process.argv[3] || null;
const asked = process.argv[4] ? process.argv[4].split(':') : null;
if (shots) {
  mkdirSync(shots, { recursive: true });
}

const started = Date.now();

const { check, step, axe, results, axeSummary } = browserChecks(AXE_SOURCE);

async function screenshot(page, name) {
  if (shots) {
    await page.screenshot({ path: join(shots, name + '.png') }); // what the phone shows, where focus is
    await page.screenshot({ path: join(shots, name + '-full.png'), fullPage: true });
  }
}

/** Console errors and failed requests of our own pages (a blocked inline script or style would show here). */
function watch(page, problems) {
  page.on('console', (message) => {
    // The form answers invalid fields with 422, which Chromium logs as a failed load; that one is expected.
    if (message.type() === 'error' && !(message.location().url || '').includes('favicon')
        && !/status of 422/.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/** The form's posts, as the server receives them. */
function recordPosts(page) {
  const posts = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/form')) {
      posts.push(new URLSearchParams(request.postData() || ''));
    }
  });
  return posts;
}

async function fillValidConcern(page) {
  await page.check('#person-ageBand-50_66');
  await page.check('#person-knowsAboutReport-NO');
  await page.fill('#person-appearance', 'Høj, gråt skæg, grøn militærjakke');
  await page.fill('#whereabouts-address', 'Vestergade 12, 2. th.');
  await page.fill('#whereabouts-postcode', '4800'); // served by the municipality of WebFormBrowserTest's profile
  await page.fill('#whereabouts-usualTimes', 'Om morgenen på bænken');
  await page.check('#whereabouts-regularity-DAILY');
  await page.check('#observations-indicators-SOCIAL_ISOLATION');
  await page.check('#observations-indicators-NEGLECTED_HOME');
  await page.fill('#observations-description', 'Ikke set i to uger; posten hober sig op.');
  await page.check('#urgency-SOON');
  await page.selectOption('#reporter-role', 'NEIGHBOUR');
  await page.check('#reporter-anonymity-ANONYMOUS');
}

async function receiptReference(page) {
  await page.waitForSelector('#reference', { timeout: 60000 });
  return (await page.textContent('#reference')).trim();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const phone = { viewport: { width: 390, height: 844 }, locale: 'da-DK' };

try {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const problems = [];
  watch(page, problems);
  const posts = recordPosts(page);

  await step('1. the form in Danish passes axe', async () => {
    const response = await page.goto(new URL('./', base).href);
    check(response.status() === 200, 'GET / is 200');
    const csp = response.headers()['content-security-policy'] || '';
    check(csp.includes("script-src 'self'") && !csp.includes('unsafe-inline'), 'a strict Content-Security-Policy');
    check((await page.getAttribute('html', 'lang')) === 'da', '<html lang="da">');
    check((await page.textContent('.acute__title')).includes('112'), 'the 112 notice is at the top');
    await axe(page, 'form (da)');
    await screenshot(page, '1-form-da');
  });

  await step('2. with JavaScript: hints, proof of work, receipt', async () => {
    await page.check('#person-ageBand-UNDER_18');
    check((await page.textContent('#under18-notice')).includes('Barnets lov'), 'choosing under 18 says it is a child-welfare report');
    await page.check('#acuteDanger');
    check((await page.textContent('#acute-notice')).includes('112'), 'acute danger says call 112 at once');
    await page.uncheck('#acuteDanger');
    await fillValidConcern(page);
    check((await page.textContent('#under18-notice')) === '', 'the under-18 notice goes again');
    check(await page.isHidden('#contact-details'), 'anonymous: the contact fields are hidden');
    await page.check('#reporter-anonymity-CONFIDENTIAL');
    check(await page.isVisible('#reporter-name'), 'confidential: the contact fields are shown');
    await page.fill('#reporter-name', 'Should not be sent');
    await page.check('#reporter-anonymity-ANONYMOUS');
    await axe(page, 'filled form (da)');
    if (shots) {
      await page.locator('section:has(#section-where)').screenshot({ path: join(shots, '2-filled-where-da.png') });
      await page.locator('section:has(#section-you)').screenshot({ path: join(shots, '2-filled-you-da.png') });
    }

    const sent = Date.now();
    await Promise.all([page.waitForURL(/\/form$/, { timeout: 60000 }), page.click('#send')]);
    const reference = await receiptReference(page);
    check(REFERENCE.test(reference), `a reference such as SKP-7K4M-2QXD, got ${reference}`);
    const post = posts.at(-1);
    const altcha = JSON.parse(Buffer.from(post.get('altcha') || '', 'base64').toString('utf8') || '{}');
    check(altcha.algorithm === 'SHA-256' && Number.isInteger(altcha.number), 'the page solved the proof of work and sent it');
    check(!post.has('reporter.name'), 'an anonymous reporter sends no contact field, even one typed before');
    console.log(`[browser] receipt ${reference}: submit to receipt ${Date.now() - sent} ms, proof of work solved in ${altcha.took} ms (n=${altcha.number})`);
    check((await page.textContent('#service-notice')).length > 20, 'the service notice is shown');
    check(await page.isVisible('#received-at'), 'when it was received is shown');
    await axe(page, 'receipt (da)');
    await screenshot(page, '2-receipt-da');
  });

  await step('3a. invalid with JavaScript: the error summary is focused before anything is sent', async () => {
    const before = posts.length;
    await page.goto(new URL('./', base).href);
    await page.click('#send');
    await page.waitForSelector('#error-summary:not([hidden])');
    check(posts.length === before, 'nothing was posted');
    check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'error-summary', 'the summary has focus');
    const items = await page.$$eval('#error-summary-list a', (links) => links.map((a) => a.textContent));
    check(items.length === 8 && items[0].startsWith('Alder') && items[2] === 'Adresse: skriv en adresse, eller beskriv stedet',
      `every required answer and the missing place are listed, in the form's order: ${items.join(' / ')}`);
    check((await page.title()).startsWith('Fejl: '), 'the title says there are errors');
    check((await page.getAttribute('#person-ageBand-UNDER_18', 'aria-invalid')) === 'true', 'the fields are marked invalid');
    const describedBy = await page.getAttribute('#person-ageBand-field fieldset', 'aria-describedby');
    check(describedBy.split(' ').includes('person-ageBand-error'), 'the group is described by its error');
    await axe(page, 'form with errors (client side, da)');
    await screenshot(page, '3a-errors-client-da');
    await page.click('#error-summary-list a >> nth=0');
    check(await page.evaluate(() => document.activeElement.id) === 'person-ageBand-UNDER_18', 'a summary link puts focus on its field');
  });

  await step('3b. invalid on the server: 422, summary focused, fields marked, values kept', async () => {
    await page.goto(new URL('./', base).href);
    await fillValidConcern(page);
    await page.fill('#whereabouts-postcode', '123');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 60000 }),
      page.click('#send'),
    ]);
    check(response.status() === 422, `422 for invalid fields, got ${response.status()}`);
    await page.waitForLoadState('load');
    check(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'error-summary', 'the summary has focus');
    const summaryName = await page.textContent('#error-summary-title');
    check(summaryName.trim().length > 0, 'the summary is labelled by its heading');
    check((await page.textContent('#error-summary')).includes('Postnummer'), 'the postcode is listed');
    check((await page.getAttribute('#whereabouts-postcode', 'aria-invalid')) === 'true', 'the postcode is marked invalid');
    check((await page.getAttribute('#whereabouts-postcode', 'aria-describedby')).includes('whereabouts-postcode-error'), 'and described by its error');
    check((await page.inputValue('#whereabouts-address')) === 'Vestergade 12, 2. th.', 'the other answers are kept');
    await axe(page, 'form with errors (server side, da)');
    await screenshot(page, '3b-errors-server-da');
  });

  await step('4. the English switch', async () => {
    await page.goto(new URL('./', base).href);
    await Promise.all([page.waitForURL(/lang=en/), page.click('.masthead__language')]);
    check((await page.getAttribute('html', 'lang')) === 'en', '<html lang="en">');
    check((await page.textContent('h1')).includes('Worried about an adult'), 'the heading is English');
    check((await page.$$eval('#reporter-role option', (o) => o.map((x) => x.textContent))).includes('Neighbour'), 'the choices are English');
    await axe(page, 'form (en)');
    await screenshot(page, '4-form-en');
  });

  // The municipality's profile as the catalog gives it: what the form must show, and leave out when it is not set.
  await step('4b. the municipality\'s profile: the team, its phone and hours, whom it is for, what is kept', async () => {
    const profile = (await (await page.request.get(new URL('api/v1/catalog', base).href)).json()).municipality;
    await page.goto(new URL('./', base).href);
    check((await page.textContent('#team-name')).includes(profile.team.da), `the team is named: ${profile.team.da}`);
    if (profile.phone) {
      check((await page.textContent('#team-phone')).trim() === profile.phone, `its phone ${profile.phone} is shown`);
      check((await page.getAttribute('#team-phone', 'href')).startsWith('tel:+45'), 'as a link that calls it');
      check((await page.textContent('#call-instead')).includes(profile.phone), 'and near the top, for who would rather call');
    } else {
      check((await page.locator('#team-phone, #call-instead').count()) === 0, 'no phone line when the profile has none');
    }
    if (profile.hours) {
      check((await page.textContent('#team-hours')).includes(profile.hours.da), `its hours are shown: ${profile.hours.da}`);
    }
    check((await page.textContent('#team-outside-hours')).includes('112'), 'what to do outside them');
    check(!(await page.isVisible('#target-group-text')), 'whom the scheme is for is folded away');
    await page.click('#target-group summary');
    check((await page.textContent('#target-group-text')) === profile.targetGroup.da, 'and opens to the municipality\'s own words');
    check((await page.textContent('#retention')) === profile.retentionNotice.da, 'what is kept, for how long and why');
    await axe(page, 'form with the profile opened (da)');
    await screenshot(page, '4b-profile-da');
  });

  check(problems.length === 0, `no console errors or CSP violations: ${problems.join(' | ')}`);
  await context.close();

  await step('5. without JavaScript: a person who takes a few seconds still gets a receipt', async () => {
    const noJs = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    const plainPosts = recordPosts(plain);
    await plain.goto(new URL('./', base).href);
    const shown = Date.now();
    check(await plain.isVisible('#reporter-name'), 'without JavaScript the contact fields are simply there');
    await fillValidConcern(plain);
    const wait = 3500 - (Date.now() - shown);
    if (wait > 0) {
      await plain.waitForTimeout(wait);
    }
    await Promise.all([plain.waitForURL(/\/form$/), plain.click('#send')]);
    const reference = await receiptReference(plain);
    check(REFERENCE.test(reference), `a reference without JavaScript, got ${reference}`);
    const post = plainPosts.at(-1);
    check(!post.get('altcha') && (post.get('formToken') || '').startsWith('v1.'), 'sent with the form token, no proof of work');
    await screenshot(plain, '5-receipt-nojs-da');
    await noJs.close();
  });

  // --- The status page (askback): the team's question to an anonymous reporter, answered without JavaScript ---------
  if (asked) {
    await step('6. the status page: the reporter reads the team\'s question and answers it once (plain posts)', async () => {
      const [askedReference, passcode] = asked;
      // The page needs no script (WebFormResourceTest-style posts prove that); axe needs one, so it stays on here.
      const statusContext = await browser.newContext(phone);
      const status = await statusContext.newPage();
      /** Sends a form by its button and waits for the page the server answers with (the address may stay the same). */
      const post = async (button, path, shows) => {
        const [response] = await Promise.all([
          status.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(path)),
          status.click(button),
        ]);
        await status.waitForSelector(shows, { timeout: 15000 }).catch(async () => {
          throw new Error(`after POST ${path} (${response.status()}) no ${shows} on: ${(await status.textContent('main')).slice(0, 400)}`);
        });
        return response.status();
      };
      await status.goto(new URL('status', base).href);
      check((await status.textContent('h1')).includes('Status for din henvendelse'), 'the status page, in Danish');
      await axe(status, 'status look-up (da)');
      await status.fill('#status-reference', askedReference.toLowerCase());
      await status.fill('#status-passcode', passcode);
      check(await post('#status-lookup', '/status', '#question') === 200, 'the status and the question');
      check((await status.getAttribute('#status', 'data-status')) === 'RECEIVED', 'the coarse status');
      check((await status.textContent('#question')).includes('Hvornår er han'), 'the team\'s question');
      const overflow = await status.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `the status page fits a 390 px screen (overflow ${overflow} px)`);
      await axe(status, 'status with a question (da, 390 px)');
      await screenshot(status, '6-status-question-da');

      // Sent empty: the page again, the error at the field, nothing sent.
      check(await post('#send-answer', '/answer', '#status-answer-error') === 422, 'an empty answer: 422');
      check(await status.isVisible('#error-summary') && await status.isVisible('#status-answer-error'), 'an empty answer is refused at the field');
      await axe(status, 'status answer refused (da)');
      await status.fill('#status-answer', 'Om morgenen, før kl. 9, på bænken ved kirken.');
      check(await post('#send-answer', '/answer', '#answer-sent') === 200, 'the answer: 200');
      check((await status.textContent('h1')).includes('Tak for dit svar'), 'the answer is confirmed');
      check((await status.textContent('#answered-reference')).trim() === askedReference, 'with the reference');
      await axe(status, 'answer sent (da)');
      await screenshot(status, '6-answer-sent-da');

      // Looked up again: the question is answered, and the answer cannot be read back.
      await status.goto(new URL('status?lang=en', base).href);
      await status.fill('#status-reference', askedReference);
      await status.fill('#status-passcode', passcode);
      await post('#status-lookup', '/status', '#no-question');
      check(await status.isVisible('#no-question'), 'no open question any more');
      check(!(await status.textContent('main')).includes('bænken ved kirken'), 'the answer is not shown back');
      await axe(status, 'status without a question (en)');
      await statusContext.close();
    });
  }
} catch (error) {
  if (results.failed === 0) {
    console.log(`[browser] FAIL ${error.stack || error}`);
    results.failed++;
  }
} finally {
  await browser.close();
}

for (const line of axeSummary) {
  console.log(`[browser] axe ${line}`);
}
console.log(`[browser] ${results.passed} checks passed, ${results.failed} failed, in ${Date.now() - started} ms`);
process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
