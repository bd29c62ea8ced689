// A real Gatehouse from target/gatehouse.jar, headless Chromium (Debian's /usr/bin/chromium) driven by
// playwright-core, axe-core for accessibility, and helpers the suites share.
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const JAR = join(here, '..', '..', 'target', 'gatehouse.jar');
export const SCREENSHOTS = join(here, '..', 'screenshots');
const SOURCES = join(here, '..', '..', 'src', 'main', 'resources', 'console');
export const CHROMIUM = process.env.GATEHOUSE_CHROMIUM || '/usr/bin/chromium';
const AXE = require.resolve('axe-core/axe.min.js');

/**
 * Starts `gatehouse serve --port 0` (with --demo unless {@code demo: false}) on a fresh data directory, or on
 * {@code data} when given, and reads what it prints: the URL, the system token, the demo tokens and the demo
 * organization's id.
 */
export async function startGatehouse({ demo = true, data = null, env = {}, args = [] } = {}) {
  if (!existsSync(JAR)) throw new Error(`${JAR} is missing: run 'mvn -q -DskipTests package' in the project first`);
  const dir = data || mkdtempSync(join(tmpdir(), 'gatehouse-browser-'));
  const adminToken = `browser-${randomBytes(16).toString('hex')}`;
  const argv = ['-jar', JAR, 'serve', '--port', '0', '--data', dir, '--access-log', 'off', ...args];
  if (demo) argv.push('--demo');
  const child = spawn('java', argv, {
    env: { ...process.env, GATEHOUSE_ADMIN_TOKEN: adminToken, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const deadline = Date.now() + 120_000;
  let origin = null;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Gatehouse exited early:\n${output}`);
    const m = /serving on (http:\/\/\S+) /.exec(output);
    if (m && (!demo || /Try:/.test(output))) {
      origin = m[1].replace('localhost', '127.0.0.1');
      break;
    }
    if (Date.now() > deadline) { child.kill(); throw new Error(`Gatehouse did not start:\n${output}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  const tokens = {};
  for (const m of output.matchAll(/^ {2}(alice|bob|carol|dave): (\S+)$/gm)) tokens[m[1]] = m[2];
  const org = (/Demo organization '([^']+)'/.exec(output) || [])[1];
  const consoleUrl = (/Open the console at (\S+) /.exec(output) || [])[1];
  return {
    origin, adminToken, tokens, org, consoleUrl, output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => { if (child.exitCode !== null) r(); else child.on('exit', r); });
      if (!data) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client of the API, to check every change the browser made against what the API answers. */
export function apiClient(origin, token) {
  async function call(method, path, body) {
    const r = await fetch(origin + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return json;
  }
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b ?? {}),
    patch: (p, b) => call('PATCH', p, b ?? {}),
    put: (p, b) => call('PUT', p, b ?? {}),
    delete: (p) => call('DELETE', p),
    /** Every item of a list, following next.page. */
    async all(path) {
      const items = [];
      let page = null;
      do {
        const sep = path.includes('?') ? '&' : '?';
        const r = await call('GET', `${path}${sep}limit=1000${page ? `&page=${encodeURIComponent(page)}` : ''}`);
        items.push(...r.items);
        page = r.next ? r.next.page : null;
      } while (page);
      return items;
    },
  };
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * A page that fails its test on anything the console should never do: an uncaught error, a Content-Security-
 * Policy violation, a JavaScript dialog (alert, as an injected script would raise), or a console error other
 * than the browser's own line for an API answer of 4xx.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`a JavaScript dialog opened: ${d.type()} ${d.message()}`); await d.dismiss(); });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    // axe sets styles inline while it measures contrast, which the console's policy blocks, and says so.
    if (page.axeRunning && /Content Security Policy/.test(text)) return;
    if (/Failed to load resource: the server responded with a status of (4\d\d)/.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  // GATEHOUSE_CONSOLE_SOURCES=1 serves /console/* from src/main/resources/console instead of the jar: to try a
  // change to the console without building the jar again (CI never sets it).
  if (process.env.GATEHOUSE_CONSOLE_SOURCES) {
    const types = { js: 'text/javascript', css: 'text/css', html: 'text/html', svg: 'image/svg+xml' };
    await context.route('**/console/*', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop();
      return route.fulfill({ path: join(SOURCES, name), contentType: types[name.split('.').pop()] });
    });
  }
  // axe is served to the page from its own origin, so that the page's policy (script-src 'self') stays as it is.
  await context.route('**/__axe.min.js', (route) => route.fulfill({ path: AXE, contentType: 'text/javascript' }));
  page.problems = problems;
  page.assertClean = () => assert.deepEqual(problems, [], 'the page reported problems');
  return page;
}

/** Runs axe on the page as it is: no serious or critical violation. */
export async function checkA11y(page, screen) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) {
    const origin = new URL(page.url()).origin;
    await page.addScriptTag({ url: `${origin}/__axe.min.js` });
  }
  page.axeRunning = true;
  let result;
  try {
    result = await page.evaluate(async () => window.axe.run(document, {
      resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }));
    await page.waitForTimeout(50);
  } finally {
    page.axeRunning = false;
  }
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const words = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary}`).join('\n')}`);
  assert.deepEqual(words, [], `accessibility violations on ${screen}`);
  return result.violations.length;
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

export async function signIn(page, origin, token) {
  await page.goto(`${origin}/`);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
}

/** The element focused, looking through shadow roots. */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const dialog = el.closest('dialog');
    return {
      tag: el.tagName.toLowerCase(), text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 80),
      inDialog: Boolean(dialog), label: el.labels && el.labels[0] ? el.labels[0].textContent : null,
    };
  });
}

export async function eventually(check, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((r) => setTimeout(r, interval));
  }
}
