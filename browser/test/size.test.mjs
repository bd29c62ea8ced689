// The console at size, on the `large` dataset (100,000 members, 50,000 spaces): the share dialog of the space
// every member reaches, and the member view of an admin who reaches every space. Opt-in, since the dataset
// takes minutes to generate:
//
//   java -jar target/gatehouse.jar generate --dataset large --data /some/dir    (once)
//   GATEHOUSE_BROWSER_LARGE=/some/dir npm test
//
// It measures, in headless Chromium, the time from the click to the first rows shown, and the time to page
// through every row with "Next page"; the numbers are checked against what the API answers and, with
// GATEHOUSE_BROWSER_BENCHMARKS=1, written into BENCHMARKS.md as a table.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGatehouse, apiClient, launch, newPage, signIn, screenshot, CHROMIUM } from './harness.mjs';

const DATA = process.env.GATEHOUSE_BROWSER_LARGE;
const SPACE = 's000002';
const ADMIN = 'u000000';
const ORG = 'large';
const OPENS = 5;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Clicks "Next page" of the list until there is none, in the page itself (so that each step is the console's
 * own work, not the driver's round trip): returns the rows seen, the pages and each page's time in ms.
 */
async function pageThrough(page, listSelector) {
  return page.evaluate(async (selector) => {
    const find = () => {
      const stack = [document];
      while (stack.length) {
        const root = stack.pop();
        const hit = root.querySelector(selector);
        if (hit) return hit;
        root.querySelectorAll('*').forEach((el) => el.shadowRoot && stack.push(el.shadowRoot));
      }
      return null;
    };
    const list = find();
    const next = [...list.querySelectorAll('button')].find((b) => b.textContent === 'Next page');
    const rows = () => list.querySelectorAll('.gh-rows > li').length;
    const settled = () => new Promise((resolve) => {
      const check = () => list.getAttribute('aria-busy') === 'false';
      if (check()) { resolve(); return; }
      const o = new MutationObserver(() => { if (check()) { o.disconnect(); resolve(); } });
      o.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    await settled();
    let seen = rows();
    let pages = 1;
    const times = [];
    const start = performance.now();
    while (!next.disabled) {
      const t = performance.now();
      next.click();
      await new Promise((r) => setTimeout(r, 0));
      await settled();
      times.push(performance.now() - t);
      seen += rows();
      pages += 1;
    }
    return { seen, pages, times, total: performance.now() - start };
  }, listSelector);
}

describe('the console at size (large dataset)', { skip: DATA ? false : 'set GATEHOUSE_BROWSER_LARGE to a generated large dataset' }, () => {
  let gh;
  let browser;
  let api;
  const results = {};

  before(async () => {
    gh = await startGatehouse({ demo: false, data: DATA });
    api = apiClient(gh.origin, gh.adminToken);
    browser = await launch();
  });

  after(async () => {
    if (browser) await browser.close();
    if (gh) await gh.stop();
    if (results.share && results.member) report(results);
  });

  test(`the share dialog of ${SPACE}: first rows within a second, then every row page by page`, { timeout: 900_000 }, async () => {
    const reach = (await api.all(`/v1/spaces/${SPACE}/permissions/aggregate`)).length;
    assert.ok(reach > 90_000, `${SPACE} is reached by ${reach} members`);
    const page = await newPage(browser);
    await page.goto(`${gh.origin}/console/share-demo.html`);
    await page.getByLabel(/^Resource/).fill(`space:${SPACE}`);
    await page.getByLabel('Token the host page obtained').fill(gh.adminToken);
    await page.getByRole('button', { name: 'Use them' }).click();
    const firsts = [];
    for (let i = 0; i < OPENS; i += 1) {
      const share = page.getByRole('button', { name: 'Share', exact: true });
      const rows = page.getByRole('list', { name: 'People with access' }).getByRole('listitem');
      const t = Date.now();
      await share.click();
      await rows.first().waitFor();
      firsts.push(Date.now() - t);
      if (i === 0) await screenshot(page, '30-large-share-dialog');
      if (i < OPENS - 1) {
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    }
    // The list of people by its name: the dialog has other lists (access requests, teams, links) above and below it.
    const walk = await pageThrough(page, '.gh-list:has(> .gh-rows[aria-label="People with access"])');
    assert.equal(walk.seen, reach, 'every member the API lists was shown');
    results.share = { reach, firsts, walk };
    console.log(`share dialog: first rows ${firsts.join(', ')} ms; ${walk.pages} pages, ${walk.seen} rows in ${Math.round(walk.total)} ms`);
    assert.ok(median(firsts) < 1000, `first rows in ${median(firsts)} ms`);
    await screenshot(page, '31-large-share-dialog-last-page');
    await page.context().close();
  });

  test(`the member view of ${ADMIN}, who reaches every space: first rows within a second, then every space`, { timeout: 900_000 }, async () => {
    const reach = (await api.all(`/v1/orgs/${ORG}/members/${ADMIN}/spaces`)).length;
    assert.ok(reach >= 50_000, `${ADMIN} reaches ${reach} spaces`);
    const page = await newPage(browser);
    await signIn(page, gh.origin, gh.adminToken);
    const firsts = [];
    for (let i = 0; i < OPENS; i += 1) {
      await page.goto(`${gh.origin}/#/org/${ORG}/members`);
      await page.getByRole('heading', { name: 'Members', level: 2 }).waitFor();
      const rows = page.getByRole('list', { name: 'Spaces they can reach' }).getByRole('listitem');
      const t = Date.now();
      await page.goto(`${gh.origin}/#/org/${ORG}/members/${ADMIN}`);
      await rows.first().waitFor();
      firsts.push(Date.now() - t);
    }
    await screenshot(page, '32-large-member');
    const walk = await pageThrough(page, 'section[aria-labelledby="gh-h-reach"] .gh-list');
    assert.equal(walk.seen, reach, 'every space the API lists was shown');
    results.member = { reach, firsts, walk };
    console.log(`member view: first rows ${firsts.join(', ')} ms; ${walk.pages} pages, ${walk.seen} rows in ${Math.round(walk.total)} ms`);
    assert.ok(median(firsts) < 1000, `first rows in ${median(firsts)} ms`);
    await page.context().close();
  });
});

function report({ share, member }) {
  const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const chromium = (/Chromium [\d.]+/.exec(version) || [version.trim()])[0];
  const load = loadavg().map((x) => x.toFixed(1)).join(', ');
  const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${chromium} (headless), Node ${process.version}; `
    + `load average at the end ${load} (the machine is shared with other builds)`;
  const row = (what, r) => `| ${what} | ${r.reach.toLocaleString('en')} | ${Math.round(median(r.firsts))} | ${Math.min(...r.firsts)} | `
    + `${Math.max(...r.firsts)} | ${r.walk.pages} | ${Math.round(median(r.walk.times))} | ${(r.walk.total / 1000).toFixed(1)} | `
    + `${median(r.firsts) < 1000 ? 'yes' : '**no**'} |`;
  const date = new Date().toISOString().slice(0, 10);
  const table = [
    `## ${date} — the console in a browser on \`large\``,
    '',
    `Machine: ${machine}. Command: \`GATEHOUSE_BROWSER_LARGE=DIR npm test\` in \`browser/\` (DIR from`,
    '`java -jar target/gatehouse.jar generate --dataset large --data DIR`), the server started by the test from',
    '`target/gatehouse.jar` on that data, the system token. First rows: from the click on "Share" (the dialog',
    `on \`/console/share-demo.html\`) or the member's link to the first row on screen, ${OPENS} times each; paging:`,
    '"Next page" clicked until there is none, 100 rows a page, each page read from the API with its cursor.',
    '',
    '| view | rows | first rows median ms | min ms | max ms | pages | per page median ms | all pages s | first rows ≤ 1 s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    row(`share dialog of \`${SPACE}\` (every member reaches it)`, share),
    row(`member view of \`${ADMIN}\` (an admin: every space)`, member),
    '',
  ].join('\n');
  console.log(table);
  if (process.env.GATEHOUSE_BROWSER_BENCHMARKS) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'BENCHMARKS.md');
    const text = readFileSync(file, 'utf8');
    const heading = `## ${date} — the console in a browser on \`large\``;
    const at = text.indexOf(heading);
    let out;
    if (at >= 0) {
      const end = text.indexOf('\n## ', at + heading.length);
      out = text.slice(0, at) + table + (end >= 0 ? text.slice(end + 1) : '');
    } else {
      out = `${text.trimEnd()}\n\n${table}`;
    }
    writeFileSync(file, out);
  }
}
