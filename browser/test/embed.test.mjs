// The share dialog on another platform's page: <gatehouse-share> loaded from Gatehouse by a page of another
// origin that the operator allows (--cors-origins), given its token by a property; and the demo page Gatehouse
// serves itself.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startGatehouse, apiClient, launch, newPage, checkA11y, screenshot, eventually } from './harness.mjs';

/** A documentation platform of its own: its page, its module, and its backend handing out a Gatehouse token. */
function hostPlatform(gatehouse, resource, token) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://host');
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Host platform</title><script type="module" src="/host.js"></script></head>
<body><main><h1>Onboarding guide</h1><p>A page of another documentation platform.</p>
<gatehouse-share resource="${resource}" server="${gatehouse}"></gatehouse-share></main></body></html>`);
    } else if (url.pathname === '/host.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(`
await import('${gatehouse}/console/gatehouse-share.js');
const share = document.querySelector('gatehouse-share');
share.token = async () => (await (await fetch('/token')).json()).token;
share.addEventListener('gatehouse-share-change', (e) => { document.body.dataset.changed = e.detail.method + ' ' + e.detail.path; });
document.body.dataset.ready = 'yes';`);
    } else if (url.pathname === '/token') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token }));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    server, origin: `http://127.0.0.1:${server.address().port}`,
  })));
}

describe('the share dialog on other pages', () => {
  let gh;
  let browser;
  let host;
  let stranger;
  let onboarding;
  let alice;

  before(async () => {
    // The allowed origin is known only once its port is: take one, and start Gatehouse allowing it.
    const probe = createServer();
    await new Promise((r) => probe.listen(0, '127.0.0.1', r));
    const port = probe.address().port;
    probe.close();
    gh = await startGatehouse({ args: ['--cors-origins', `http://127.0.0.1:${port}`] });
    alice = apiClient(gh.origin, gh.tokens.alice);
    onboarding = (await alice.all(`/v1/orgs/${gh.org}/spaces`)).find((s) => s.title === 'Onboarding').id;
    const gatehouse = gh.origin.replace('127.0.0.1', 'localhost');
    host = await hostPlatform(gatehouse, `space:${onboarding}`, gh.tokens.alice);
    host.server.close();
    await new Promise((r) => host.server.listen(port, '127.0.0.1', r));
    host.origin = `http://127.0.0.1:${port}`;
    stranger = await hostPlatform(gatehouse, `space:${onboarding}`, gh.tokens.alice);
    browser = await launch();
  });

  after(async () => {
    if (browser) await browser.close();
    if (host) host.server.close();
    if (stranger) stranger.server.close();
    if (gh) await gh.stop();
  });

  test('an allowed origin embeds <gatehouse-share>, gives it a token by property, and shares', async () => {
    const page = await newPage(browser);
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(host.origin);
    await page.waitForSelector('body[data-ready="yes"]');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Onboarding' });
    await dialog.getByRole('list', { name: 'People with access' }).getByText('Dave Guest').waitFor();
    await checkA11y(page, 'embedded share dialog');
    await screenshot(page, '20-embedded-share-dialog');

    await dialog.getByLabel('Email or name').fill('kim@example.com');
    await dialog.getByLabel('Role', { exact: true }).selectOption('edit');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByRole('list', { name: 'People with access' }).getByText('kim@example.com').waitFor();
    const agg = await alice.all(`/v1/spaces/${onboarding}/permissions/aggregate`);
    assert.equal(agg.find((l) => l.user.email === 'kim@example.com').permission, 'edit');
    await eventually(async () => assert.equal(await page.evaluate(() => document.body.dataset.changed),
      `POST /v1/spaces/${onboarding}/permissions`));

    // The token never reaches the DOM, an attribute or a URL.
    const token = gh.tokens.alice;
    const markup = await page.evaluate(() => {
      const parts = [document.documentElement.outerHTML];
      document.querySelectorAll('*').forEach((el) => {
        if (el.shadowRoot) parts.push([...el.shadowRoot.children].map((c) => c.outerHTML).join(''));
      });
      return parts.join('\n');
    });
    assert.equal(markup.includes(token), false);
    assert.equal(urls.some((u) => u.includes(token)), false);
    assert.equal(await page.evaluate(() => document.querySelector('gatehouse-share').token), undefined, 'write-only');
    assert.ok(urls.some((u) => u.startsWith(gh.origin.replace('127.0.0.1', 'localhost'))), 'the calls went to Gatehouse');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    page.assertClean();
    await page.context().close();
  });

  test('inside <gatehouse-share>, a pending access request is approved until a time', async () => {
    const requested = await apiClient(gh.origin, gh.tokens.carol).post(`/v1/spaces/${onboarding}/access-requests`, { role: 'edit' });
    const page = await newPage(browser);
    await page.goto(host.origin);
    await page.waitForSelector('body[data-ready="yes"]');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Onboarding' });
    const request = dialog.getByRole('list', { name: 'Access requests' }).getByRole('listitem').filter({ hasText: 'Carol Reader' });
    await request.getByText(/^asks for Edit · /).waitFor();
    const until = new Date(Date.now() + 5 * 24 * 3600 * 1000);
    until.setSeconds(0, 0);
    const pad = (n) => String(n).padStart(2, '0');
    await request.getByLabel('Until (optional) for Carol Reader').fill(
      `${until.getFullYear()}-${pad(until.getMonth() + 1)}-${pad(until.getDate())}T${pad(until.getHours())}:${pad(until.getMinutes())}`);
    await checkA11y(page, 'embedded share dialog with an access request');
    await request.getByRole('button', { name: 'Approve Carol Reader' }).click();
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: 'Carol Reader' })
      .getByText(/^direct · expires .* \(in 5 days\)$/).waitFor();
    assert.equal((await alice.get(`/v1/spaces/${onboarding}/access-requests/${requested.id}`)).status, 'approved');
    const grant = (await alice.all(`/v1/spaces/${onboarding}/permissions/users`)).find((g) => g.user.id === 'carol');
    assert.deepEqual([grant.permission, Date.parse(grant.expiresAt)], ['edit', until.getTime()]);
    await eventually(async () => assert.equal(await page.evaluate(() => document.body.dataset.changed),
      `POST /v1/spaces/${onboarding}/access-requests/{requestId}/approve`));
    await alice.delete(`/v1/spaces/${onboarding}/permissions/users/carol`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    page.assertClean();
    await page.context().close();
  });

  test('an origin the operator did not allow cannot load the dialog nor call the API', async () => {
    const page = await newPage(browser);
    await page.goto(stranger.origin);
    await page.getByRole('heading', { name: 'Onboarding guide' }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => Boolean(customElements.get('gatehouse-share'))), false);
    const gatehouse = gh.origin.replace('127.0.0.1', 'localhost');
    const outcome = await page.evaluate(async ([url, token]) => {
      try {
        await fetch(`${url}/v1/orgs`, { headers: { Authorization: `Bearer ${token}` } });
        return 'answered';
      } catch (e) {
        return e.name;
      }
    }, [gatehouse, gh.tokens.alice]);
    assert.equal(outcome, 'TypeError', 'the browser withholds the answer');
    await page.context().close();
  });

  test('the demo page Gatehouse serves embeds the same dialog', async () => {
    const page = await newPage(browser);
    await page.goto(`${gh.origin}/console/share-demo.html`);
    await page.getByLabel(/^Resource/).fill(`space:${onboarding}`);
    await page.getByLabel('Token the host page obtained').fill(gh.tokens.alice);
    await page.getByRole('button', { name: 'Use them' }).click();
    await checkA11y(page, 'share demo page');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Onboarding' });
    await dialog.getByRole('list', { name: 'People with access' }).getByText('kim@example.com').waitFor();
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: 'kim@example.com' })
      .getByRole('button', { name: 'Remove kim@example.com' }).click();
    await eventually(async () => {
      const agg = await alice.all(`/v1/spaces/${onboarding}/permissions/aggregate`);
      assert.equal(agg.some((l) => l.user.email === 'kim@example.com'), false);
    });
    await checkA11y(page, 'share demo page, dialog open');
    await screenshot(page, '21-share-demo');
    await page.keyboard.press('Escape');
    await page.getByText(`The dialog changed access: DELETE /v1/spaces/${onboarding}/permissions/users/`).waitFor();
    page.assertClean();
    await page.context().close();
  });
});
