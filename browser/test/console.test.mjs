// The console as a person uses it, in headless Chromium against a real Gatehouse started with --demo: every
// change made by clicking and typing is checked again through the API, every screen is checked by axe and
// saved as a screenshot under browser/screenshots/.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import {
  startGatehouse, apiClient, launch, newPage, checkA11y, screenshot, signIn, focused, eventually, SCREENSHOTS,
} from './harness.mjs';

const XSS = '<img src=x onerror=alert(1)>';
const XSS_TEAM = '<script>alert(2)</script>';

describe('the console', () => {
  let gh;
  let browser;
  let page;
  let alice;
  let system;
  let hook;
  const hookHits = [];
  const ids = {};

  before(async () => {
    // A webhook receiver on loopback: the first delivery fails with 500, the next ones succeed.
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        hookHits.push(body);
        res.writeHead(hookHits.length === 1 ? 500 : 200).end();
      });
    });
    await new Promise((r) => hook.listen(0, '127.0.0.1', r));
    gh = await startGatehouse({ env: { GATEHOUSE_WEBHOOK_ALLOW: '127.0.0.1' } });
    alice = apiClient(gh.origin, gh.tokens.alice);
    system = apiClient(gh.origin, gh.adminToken);
    ids.org = gh.org;
    const spaces = await alice.all(`/v1/orgs/${gh.org}/spaces`);
    for (const s of spaces) ids[s.title] = s.id;
    const pages = await alice.all(`/v1/spaces/${ids.Onboarding}/pages`);
    for (const p of pages) ids[p.title] = p.id;
    for (const t of (await alice.get(`/v1/orgs/${gh.org}/teams`)).items) ids[t.title] = t.id;
    ids.site = (await alice.get(`/v1/orgs/${gh.org}/sites`)).items[0].id;
    // Another organization, which only the system token sees.
    await system.post('/v1/users', { id: 'olga', displayName: 'Olga Other', email: 'olga@example.com' });
    await system.post('/v1/orgs', { title: 'Other Org', admin: 'olga' });
    browser = await launch();
    page = await newPage(browser);
  });

  after(async () => {
    if (browser) await browser.close();
    if (gh) await gh.stop();
    if (hook) hook.close();
  });

  // A test that failed may leave its dialog open: the next one starts without it.
  beforeEach(async () => {
    if (!page) return;
    for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()); i += 1) await page.keyboard.press('Escape');
    page.problems.length = 0;
  });

  test('the demo prints the console URL', () => {
    assert.match(gh.consoleUrl, /^http:\/\/localhost:\d+\/$/);
  });

  test('sign in with a personal token, kept in the tab only, and sign out', async () => {
    await page.goto(`${gh.origin}/`);
    await page.getByLabel('Token').waitFor();
    await checkA11y(page, 'sign in');
    await page.getByLabel('Token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Could not sign in' }).waitFor();
    await screenshot(page, '01-sign-in-refused');

    await signIn(page, gh.origin, gh.tokens.alice);
    await page.getByRole('link', { name: 'Acme Documentation' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Other Org' }).count(), 0, 'alice sees her organizations only');
    await page.getByText('Signed in with Alice Admin').waitFor();
    assert.ok(!page.url().includes(gh.tokens.alice), 'the token is never in the URL');
    const stored = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    assert.deepEqual(stored.local, {});
    assert.equal(stored.cookie, '');
    assert.deepEqual(Object.values(stored.session), [gh.tokens.alice]);
    await checkA11y(page, 'organizations');
    await screenshot(page, '02-organizations');

    await page.reload();
    await page.getByRole('link', { name: 'Acme Documentation' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Token').waitFor();
    assert.deepEqual(await page.evaluate(() => ({ ...sessionStorage })), {});
    await page.reload();
    await page.getByLabel('Token').waitFor();

    await signIn(page, gh.origin, gh.adminToken);
    await page.getByText('Signed in with the system token').waitFor();
    await page.getByRole('link', { name: 'Other Org' }).waitFor();
    await page.getByRole('link', { name: 'Acme Documentation' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, gh.origin, gh.tokens.alice);
    page.assertClean();
  });

  test('browse collections, spaces and pages as a tree, and sites with what they publish', async () => {
    await page.getByRole('link', { name: 'Acme Documentation' }).click();
    await page.getByRole('heading', { name: 'Acme Documentation', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Handbook', exact: true }).click();
    await page.getByRole('button', { name: 'Engineering', exact: true }).click();
    await page.getByRole('button', { name: 'Runbooks', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Onboarding', exact: true }).click();
    for (const title of ['First week', 'Accounts and tools', 'Salaries']) {
      await page.getByRole('button', { name: `Share ${title}` }).waitFor();
    }
    for (const title of ['Welcome', 'Public API', 'Board Notes']) {
      await page.getByRole('button', { name: title, exact: true }).waitFor();
    }
    await page.getByText('Publishes: Public API, Welcome').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Handbook', exact: true }).getAttribute('aria-expanded'), 'true');
    await checkA11y(page, 'content');
    await screenshot(page, '03-content');
    page.assertClean();
  });

  test('share a page with a new person by email, change their role, see why, remove them', async () => {
    const share = page.getByRole('button', { name: 'Share First week' });
    await share.click();
    const dialog = page.getByRole('dialog', { name: 'Share First week' });
    await dialog.waitFor();
    const people = dialog.getByRole('list', { name: 'People with access' });
    await people.getByText('Dave Guest').waitFor();
    assert.equal((await focused(page)).label, 'Email or name', 'focus starts in the add field');
    const row = (name) => people.getByRole('listitem').filter({ hasText: name });
    await row('Alice Admin').getByText('organization admin').waitFor();
    await row('Bob Editor').getByText('via team Writers, inherited from collection Handbook').waitFor();
    await row('Dave Guest').getByText('inherited from space Onboarding').waitFor();
    await checkA11y(page, 'share dialog');
    await screenshot(page, '04-share-dialog');
    await dialog.screenshot({ path: join(SCREENSHOTS, 'share-dialog.png') });

    const pagePath = `/v1/spaces/${ids.Onboarding}/pages/${ids['First week']}/permissions`;
    await dialog.getByLabel('Email or name').fill('grace@example.com');
    await dialog.getByLabel('Role', { exact: true }).selectOption('edit');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByText('Invited grace@example.com with Edit.').waitFor();
    await row('grace@example.com').getByText('direct').waitFor();
    let agg = await alice.all(`${pagePath}/aggregate`);
    const grace = agg.find((l) => l.user.email === 'grace@example.com');
    assert.equal(grace.permission, 'edit', 'the API answers what the dialog shows');
    ids.grace = grace.user.id;

    await row('grace@example.com').getByLabel('Role for grace@example.com').selectOption('comment');
    await eventually(async () => {
      agg = await alice.all(`${pagePath}/aggregate`);
      assert.equal(agg.find((l) => l.user.id === ids.grace).permission, 'comment');
    });
    await row('grace@example.com').getByRole('button', { name: 'Why grace@example.com has access' }).click();
    await row('grace@example.com').getByText('a grant to this person: comment').waitFor();
    await row('Bob Editor').getByRole('button', { name: 'Why Bob Editor has access' }).click();
    await row('Bob Editor').getByText('Collection Handbook', { exact: true }).waitFor();
    await row('Bob Editor').getByText('a grant to team Writers: comment').waitFor();
    await screenshot(page, '05-share-why');

    await row('grace@example.com').getByRole('button', { name: 'Remove grace@example.com' }).click();
    await eventually(async () => assert.equal(await row('grace@example.com').count(), 0));
    agg = await alice.all(`${pagePath}/aggregate`);
    assert.equal(agg.some((l) => l.user.id === ids.grace), false);
    // She stays invited for what follows, with read on the page.
    await dialog.getByLabel('Email or name').fill('grace@example.com');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await row('grace@example.com').waitFor();

    // A team, found by name and picked with the keyboard.
    const field = dialog.getByLabel('Email or name');
    await field.fill('');
    await field.pressSequentially('Supp');
    await dialog.getByRole('option', { name: /Support/ }).waitFor();
    await field.press('ArrowDown');
    await field.press('Enter');
    assert.equal(await field.inputValue(), 'Support');
    await dialog.getByLabel('Role', { exact: true }).selectOption('comment');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    const teams = dialog.getByRole('list', { name: 'Teams with access' });
    await teams.getByText('Support').waitFor();
    let teamGrants = await alice.all(`${pagePath}/teams`);
    assert.deepEqual(teamGrants.map((g) => [g.team.title, g.permission]), [['Support', 'comment']]);
    await teams.getByLabel('Role for team Support').selectOption('edit');
    await eventually(async () => {
      teamGrants = await alice.all(`${pagePath}/teams`);
      assert.deepEqual(teamGrants.map((g) => g.permission), ['edit']);
    });
    await row('Carol Reader').getByText('via team Support').waitFor();
    await teams.getByRole('button', { name: 'Remove Support' }).click();
    await dialog.getByText('No team has a grant here.').waitFor();
    assert.deepEqual(await alice.all(`${pagePath}/teams`), []);

    // General access: only the people added.
    const general = dialog.getByRole('combobox', { name: 'General access' });
    assert.equal(await general.inputValue(), 'inherit');
    await general.selectOption('none');
    await eventually(async () => {
      const p = await alice.get(`/v1/spaces/${ids.Onboarding}/pages/${ids['First week']}`);
      assert.equal(p.defaultLevel, null);
    });
    await eventually(async () => assert.equal(await row('Bob Editor').count(), 0));
    agg = await alice.all(`${pagePath}/aggregate`);
    assert.deepEqual(agg.map((l) => l.user.id).sort(), ['alice', ids.grace].sort());
    await general.selectOption('inherit');
    await row('Bob Editor').waitFor();
    assert.equal((await alice.get(`/v1/spaces/${ids.Onboarding}/pages/${ids['First week']}`)).defaultLevel, 'inherit');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const f = await focused(page);
    assert.equal(f.text, 'Share First week', 'focus returns to the button that opened the dialog');
    page.assertClean();
  });

  test('the dialog works with the keyboard alone, keeps focus inside and shows it', async () => {
    const share = page.getByRole('button', { name: 'Share Onboarding' });
    await share.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Share Onboarding' });
    await dialog.getByRole('list', { name: 'People with access' }).getByText('Dave Guest').waitFor();
    const seen = new Set();
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.ok(f.inDialog, `Tab ${i + 1} stays in the dialog (focus on ${f.tag} ${f.text})`);
      seen.add(`${f.tag} ${f.text}`);
      const ring = await page.evaluate(() => {
        let el = document.activeElement;
        while (el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        const s = getComputedStyle(el);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
      assert.notEqual(ring.split(' ')[0], 'none', `focus is visible on ${f.tag} ${f.text}`);
    }
    assert.ok(seen.has('button Close') && seen.has('button Invite'), 'Tab goes round the whole dialog');
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Shift+Tab');
      assert.ok((await focused(page)).inDialog, 'Shift+Tab stays in the dialog');
    }
    // Invite someone with the keyboard only: type, Tab to the role, choose, Tab past the expiry (left empty: no
    // expiry) to Invite, Enter.
    await dialog.getByLabel('Email or name').focus();
    await page.keyboard.type('heidi@example.com');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).label, 'Role');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).label, 'Expires (optional)');
    // The browser's date and time field takes a Tab per part (day, month, year, hours, minutes, its picker).
    for (let i = 0; i < 10 && (await focused(page)).text !== 'Invite'; i += 1) await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Invite');
    await page.keyboard.press('Enter');
    await dialog.getByText('Invited heidi@example.com with Comment.').waitFor();
    const agg = await alice.all(`/v1/spaces/${ids.Onboarding}/permissions/aggregate`);
    assert.equal(agg.find((l) => l.user.email === 'heidi@example.com').permission, 'comment');
    // A role changed with the arrow keys: the row is read again, and focus stays on its picker.
    const heidi = dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: 'heidi@example.com' });
    await heidi.getByLabel('Role for heidi@example.com').focus();
    await page.keyboard.press('ArrowUp');
    await eventually(async () => {
      const a = await alice.all(`/v1/spaces/${ids.Onboarding}/permissions/aggregate`);
      assert.equal(a.find((l) => l.user.email === 'heidi@example.com').permission, 'read');
    });
    await eventually(async () => assert.equal((await focused(page)).text, 'Role for heidi@example.com'));
    assert.equal(await heidi.getByLabel('Role for heidi@example.com').inputValue(), 'read');
    await screenshot(page, '06-share-keyboard');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await focused(page)).text, 'Share Onboarding');
    page.assertClean();
  });

  test('invite links to a space: create one, someone joins with it, deactivate and delete it', async () => {
    await page.getByRole('button', { name: 'Share Onboarding' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Onboarding' });
    await dialog.getByText('No invite link to this yet.').waitFor();
    await dialog.getByLabel('Link role').selectOption('edit');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const secret = await dialog.getByLabel(/its id, the secret to share/).inputValue();
    const links = (await alice.get(`/v1/orgs/${ids.org}/link-invites`)).items;
    assert.deepEqual(links.map((l) => [l.id, l.level, l.space && l.space.id]), [[secret, 'edit', ids.Onboarding]]);
    const list = dialog.getByRole('list', { name: 'Invite links' });
    await list.getByText('Edit link · 0 uses · never expires').waitFor();
    // Bob joins with it (as a platform does for him), and has edit of his own on the space.
    const bob = apiClient(gh.origin, gh.tokens.bob);
    await bob.post(`/v1/orgs/${ids.org}/invites/${secret}`);
    await list.getByRole('button', { name: `Deactivate link ${links[0].ref}` }).click();
    await list.getByText('Edit link · 1 use · never expires · deactivated').waitFor();
    assert.equal((await alice.get(`/v1/orgs/${ids.org}/link-invites/${secret}`)).active, false);
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: 'Bob Editor' })
      .getByText('direct').waitFor();
    await checkA11y(page, 'share dialog with an invite link');
    await screenshot(page, '07a-share-invite-links');
    await list.getByRole('button', { name: `Delete link ${links[0].ref}` }).click();
    await dialog.getByText('No invite link to this yet.').waitFor();
    assert.deepEqual((await alice.get(`/v1/orgs/${ids.org}/link-invites`)).items, []);
    // Back as it was: Bob's grant from the link removed.
    await alice.delete(`/v1/spaces/${ids.Onboarding}/permissions/users/bob`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    page.assertClean();
  });

  test('share a site: who reaches it and where from', async () => {
    await page.getByRole('button', { name: 'Share Developer Portal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Developer Portal' });
    const people = dialog.getByRole('list', { name: 'People with access' });
    await people.getByRole('listitem').filter({ hasText: 'Dave Guest' }).getByText('via team Support').waitFor();
    await people.getByRole('listitem').filter({ hasText: 'Bob Editor' }).getByText('organization role').waitFor();
    await dialog.getByRole('list', { name: 'Teams with access' }).getByText('Support').waitFor();
    await checkA11y(page, 'share dialog of a site');
    await screenshot(page, '07-share-site');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    page.assertClean();
  });

  test('members: search, role filter, guests, disabled and invited people; teams and their members', async () => {
    await page.getByRole('link', { name: 'Members' }).click();
    const members = page.getByRole('list', { name: 'Members' });
    await members.getByText('Erin Former').waitFor();
    await members.getByRole('listitem').filter({ hasText: 'Erin Former' }).getByText('disabled').waitFor();
    await members.getByRole('listitem').filter({ hasText: 'Dave Guest' }).getByText('guest', { exact: true }).waitFor();
    await members.getByRole('listitem').filter({ hasText: 'grace@example.com' }).getByText('invited').waitFor();
    await checkA11y(page, 'members');
    await screenshot(page, '08-members');
    await page.getByLabel('Search members by name or email').fill('car');
    await eventually(async () => assert.deepEqual(await members.getByRole('link').allTextContents(), ['Carol Reader']));
    await page.getByLabel('Search members by name or email').fill('');
    await page.getByLabel('Role filter').selectOption('guest');
    await eventually(async () => {
      const names = await members.getByRole('link').allTextContents();
      assert.ok(names.includes('Dave Guest') && !names.includes('Bob Editor'), names.join(', '));
    });
    await page.getByLabel('Role filter').selectOption('');

    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'Writers', exact: true }).click();
    const writers = page.getByRole('list', { name: 'Members of Writers' });
    await writers.getByText('Bob Editor').waitFor();
    await writers.getByText('Carol Reader').waitFor();
    await checkA11y(page, 'teams');
    await screenshot(page, '09-teams');
    page.assertClean();
  });

  test('a member: what they reach with its origin, filtered, why; role, disable, enable', async () => {
    await page.goto(`${gh.origin}/#/org/${ids.org}/members/bob`);
    await page.getByRole('heading', { name: 'Bob Editor' }).waitFor();
    const reach = page.getByRole('list', { name: 'Spaces they can reach' });
    const runbooks = reach.getByRole('listitem').filter({ hasText: 'Runbooks' });
    await runbooks.getByText('inherited from collection Engineering').waitFor();
    await reach.getByRole('listitem').filter({ hasText: 'Onboarding' }).getByText('via team Writers, inherited from collection Handbook').waitFor();
    const other = page.getByRole('list', { name: 'Collections and sites they can reach' });
    await other.getByText('Developer Portal').waitFor();
    await other.getByText('Engineering').waitFor();
    await checkA11y(page, 'member');
    await screenshot(page, '10-member');

    await page.getByLabel('Filter spaces by title').fill('run');
    await eventually(async () => assert.equal(await reach.getByRole('listitem').count(), 1));
    await runbooks.getByRole('button', { name: 'Why on Runbooks' }).click();
    await runbooks.getByText('a grant to this person: edit').waitFor();
    await page.getByLabel('Filter spaces by title').fill('');
    await page.getByLabel('Permission filter').selectOption('comment');
    await eventually(async () => {
      const n = await reach.getByRole('listitem').count();
      assert.ok(n >= 1);
      assert.deepEqual([...new Set(await reach.locator('.gh-role-text').allTextContents())], ['Comment']);
    });
    await page.getByLabel('Permission filter').selectOption('');

    await page.getByLabel('Organization role').selectOption('comment');
    await page.getByText('Bob Editor is now Comment.').waitFor();
    assert.equal((await alice.get(`/v1/orgs/${ids.org}/members/bob`)).role, 'comment');
    await page.getByLabel('Organization role').selectOption('edit');
    await page.getByText('Bob Editor is now Edit.').waitFor();
    assert.equal((await alice.get(`/v1/orgs/${ids.org}/members/bob`)).role, 'edit');
    await page.getByRole('button', { name: 'Disable Bob Editor' }).click();
    await page.getByText('Bob Editor is disabled.').waitFor();
    assert.equal((await alice.get(`/v1/orgs/${ids.org}/members/bob`)).disabled, true);
    await page.getByRole('button', { name: 'Enable Bob Editor' }).click();
    await page.getByText('Bob Editor is enabled again.').waitFor();
    assert.equal((await alice.get(`/v1/orgs/${ids.org}/members/bob`)).disabled, false);
    page.assertClean();
  });

  test('the audit log: a timeline filtered by actor, action, resource and time', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    const log = page.getByRole('list', { name: 'Audit log' });
    await log.getByRole('listitem').first().waitFor();
    await screenshot(page, '11-audit-log');
    await page.getByLabel('Action').fill('grant.created');
    await page.getByLabel('Resource or subject').fill('First week');
    const entry = log.getByRole('listitem').filter({ hasText: 'gave access to grace@example.com on page First week' });
    await entry.first().waitFor();
    await eventually(async () => {
      const texts = await log.getByRole('listitem').allTextContents();
      assert.ok(texts.length >= 1 && texts.every((t) => t.includes('grant.created') && t.includes('First week')), texts.join('\n'));
    });
    await page.getByLabel('Actor').fill('alice');
    await entry.first().waitFor();
    await page.getByLabel('Actor').fill('the system token');
    await page.getByText('No entry matches.').waitFor();
    await page.getByLabel('Actor').fill('');
    await page.getByLabel('From').fill('2999-01-01T00:00');
    await page.getByText('No entry matches.').waitFor();
    await page.getByLabel('From').fill('');
    await entry.first().waitFor();
    const fromApi = (await alice.get(`/v1/orgs/${ids.org}/audit-log?limit=1000`)).items
      .filter((x) => x.action === 'grant.created' && x.resource.id === ids['First week']);
    await eventually(async () => {
      assert.equal(await page.locator('.gh-list[aria-busy="false"]').count(), 1);
      assert.equal(await log.getByRole('listitem').count(), fromApi.length, 'as many entries as the API answers');
    });
    await checkA11y(page, 'audit log');
    await screenshot(page, '11b-audit-log-filtered');
    page.assertClean();
  });

  test('remove a member from the organization', async () => {
    await page.goto(`${gh.origin}/#/org/${ids.org}/members/${ids.grace}`);
    await page.getByRole('heading', { name: 'grace@example.com' }).waitFor();
    await page.getByRole('button', { name: 'Remove grace@example.com from the organization' }).click();
    await page.getByRole('button', { name: 'Yes, remove grace@example.com' }).click();
    await page.getByText('grace@example.com was removed from the organization.').waitFor();
    const r = await fetch(`${gh.origin}/v1/orgs/${ids.org}/members/${ids.grace}`, { headers: { Authorization: `Bearer ${gh.tokens.alice}` } });
    assert.equal(r.status, 404);
    page.assertClean();
  });

  test('webhooks with their delivery log and failures', async () => {
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByText('No webhooks.').waitFor();
    await page.getByLabel('URL').fill('ftp://example.invalid/hook');
    await page.getByLabel('Signing secret').fill('a-signing-secret-16+');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByRole('alert').filter({ hasText: 'Could not add the webhook' }).waitFor();
    const url = `http://127.0.0.1:${hook.address().port}/hook`;
    await page.getByLabel('URL').fill(url);
    await page.getByLabel('Events (empty: all)').fill('grant.*');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText(`Added a webhook to ${url}.`).waitFor();
    const hooks = (await alice.get(`/v1/orgs/${ids.org}/webhooks`)).items;
    assert.deepEqual(hooks.map((w) => [w.url, w.events]), [[url, ['grant.*']]]);
    // A change the webhook hears: the first delivery fails, its retry succeeds.
    await alice.patch(`/v1/spaces/${ids.Welcome}/permissions/users/carol`, { role: 'edit' });
    await eventually(() => assert.ok(hookHits.length >= 2), { timeout: 20_000 });
    const list = page.getByRole('list', { name: `Deliveries to ${url}` });
    await eventually(async () => {
      await page.getByRole('button', { name: `Refresh the delivery log of ${url}` }).click();
      await list.getByText('HTTP 200').waitFor({ timeout: 1000 });
    }, { timeout: 20_000 });
    await list.getByRole('listitem').filter({ hasText: 'failed' }).getByText('HTTP 500').waitFor();
    const deliveries = (await alice.get(`/v1/orgs/${ids.org}/webhooks/${hooks[0].id}/deliveries`)).items;
    assert.deepEqual(deliveries.slice(0, 2).map((d) => [d.status, d.delivered]), [[500, false], [200, true]]);
    await checkA11y(page, 'webhooks');
    await screenshot(page, '12-webhooks');
    await page.getByLabel('Failures only').check();
    await eventually(async () => assert.equal(await list.getByText('HTTP 200').count(), 0));
    await list.getByText('HTTP 500').waitFor();
    page.assertClean();
  });

  test('errors from the API are said in words next to what caused them', async () => {
    // Demoting the last admin is refused by the API (409): the message is next to the role picker.
    await page.goto(`${gh.origin}/#/org/${ids.org}/members/alice`);
    await page.getByRole('heading', { name: 'Alice Admin' }).waitFor();
    await page.getByLabel('Organization role').selectOption('read');
    const refusal = page.getByRole('alert').filter({ hasText: "Could not change Alice Admin's role" });
    await refusal.waitFor();
    const fromApi = await fetch(`${gh.origin}/v1/orgs/${ids.org}/members/alice`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${gh.tokens.alice}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'read' }),
    }).then((r) => r.json());
    assert.ok((await refusal.textContent()).includes(fromApi.error.message), 'the API\'s own words');
    assert.equal(await page.getByLabel('Organization role').inputValue(), 'admin', 'the picker shows what the API kept');
    await screenshot(page, '13-error-last-admin');

    // In the dialog: the same person named twice is a 400, said under the add field.
    await page.getByRole('link', { name: 'Content' }).click();
    await page.getByRole('button', { name: 'Share Welcome' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Welcome' });
    await dialog.getByLabel('Email or name').fill('ivan@example.com, IVAN@example.com');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Could not invite' }).waitFor();
    await dialog.getByLabel('Email or name').fill('not an email');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: "'not an email' is not an email" }).waitFor();
    // When Gatehouse cannot be reached, the dialog says so where the change was asked for.
    await page.context().route('**/v1/spaces/*/permissions', (route) => route.abort());
    await dialog.getByLabel('Email or name').fill('judy@example.com');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Gatehouse did not answer' }).waitFor();
    await page.context().unroute('**/v1/spaces/*/permissions');
    await screenshot(page, '14-error-in-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    page.problems.length = 0; // the aborted request's own console line
  });

  test('someone without admin sees who has access but cannot change it', async () => {
    const carolPage = await newPage(browser);
    await signIn(carolPage, gh.origin, gh.tokens.carol);
    await carolPage.goto(`${gh.origin}/#/org/${ids.org}/content`);
    await carolPage.getByRole('button', { name: 'Share Welcome' }).click();
    const dialog = carolPage.getByRole('dialog', { name: 'Share Welcome' });
    await dialog.getByText('changing it needs admin here').waitFor();
    assert.equal(await dialog.getByLabel('Email or name').isDisabled(), true);
    await dialog.getByRole('list', { name: 'People with access' }).getByText('Alice Admin').waitFor();
    assert.equal(await dialog.getByRole('button', { name: /^Remove / }).count(), 0);
    await checkA11y(carolPage, 'share dialog, read only');
    await carolPage.context().close();
  });

  test('names are shown as text, never run: a member called <img src=x onerror=alert(1)>', async () => {
    await system.post('/v1/users', { id: 'mallory', displayName: XSS, email: 'mallory@example.com' });
    await system.post(`/v1/orgs/${ids.org}/invites`, { emails: [{ email: 'mallory@example.com', role: 'read' }] });
    await alice.put(`/v1/orgs/${ids.org}/teams`, { title: XSS_TEAM, members: ['mallory'] });
    await page.goto(`${gh.origin}/#/org/${ids.org}/members`);
    await page.getByRole('link', { name: XSS }).waitFor();
    await page.goto(`${gh.origin}/#/org/${ids.org}/teams`);
    await page.getByRole('button', { name: XSS_TEAM, exact: true }).waitFor();
    await page.goto(`${gh.origin}/#/org/${ids.org}/content`);
    await page.getByRole('button', { name: 'Share Welcome' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share Welcome' });
    await dialog.getByRole('list', { name: 'People with access' }).getByText(XSS, { exact: true }).waitFor();
    await dialog.getByLabel('Email or name').pressSequentially('<scr');
    await dialog.getByRole('option', { name: new RegExp(XSS_TEAM.replace(/[()<>/]/g, '\\$&')) }).waitFor();
    await screenshot(page, '15-xss-as-text');
    const elements = await page.evaluate(() => {
      const all = [];
      const walk = (root) => root.querySelectorAll('*').forEach((el) => {
        all.push(el.tagName === 'SCRIPT' ? `script ${new URL(el.src, location.href).pathname}` : el.tagName.toLowerCase());
        if (el.shadowRoot) walk(el.shadowRoot);
      });
      walk(document);
      return all;
    });
    assert.equal(elements.includes('img'), false, 'no <img> was made from a name');
    assert.deepEqual(elements.filter((t) => t.startsWith('script')).filter((t) => t !== 'script /__axe.min.js'),
      ['script /console/app.js'], 'the console\'s own module is the only script');
    await page.keyboard.press('Escape');
    page.assertClean();
  });
});
