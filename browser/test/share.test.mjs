// The share dialog's ways of sharing beyond people and teams, as a person uses them in headless Chromium
// against a real Gatehouse started with --demo: grants that expire, access requests approved (until a time)
// and denied (with a reason), share links of a site and the copying of links. Every change is checked again
// through the API, every screen by axe, and each is saved as a screenshot under browser/screenshots/.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startGatehouse, apiClient, launch, newPage, checkA11y, screenshot, signIn, focused, eventually,
} from './harness.mjs';

/** The value a datetime-local field takes for {@code date}, in the machine's time zone (the browser's too). */
function localField(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A time {@code days} ahead, to the minute, as a datetime-local field holds it. */
function ahead(days) {
  const at = new Date(Date.now() + days * 24 * 3600 * 1000);
  at.setSeconds(0, 0);
  return at;
}

describe('the share dialog: expiry, access requests, share links', () => {
  let gh;
  let browser;
  let page;
  let alice;
  const ids = {};

  before(async () => {
    gh = await startGatehouse();
    alice = apiClient(gh.origin, gh.tokens.alice);
    ids.org = gh.org;
    for (const s of await alice.all(`/v1/orgs/${gh.org}/spaces`)) ids[s.title] = s.id;
    ids.site = (await alice.get(`/v1/orgs/${gh.org}/sites`)).items[0].id;
    browser = await launch();
    page = await newPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gh.origin });
    await signIn(page, gh.origin, gh.tokens.alice);
    await page.getByRole('link', { name: 'Acme Documentation' }).click();
    await page.getByRole('button', { name: 'Handbook', exact: true }).click();
    await page.getByRole('button', { name: 'Share Onboarding' }).waitFor();
  });

  after(async () => {
    if (browser) await browser.close();
    if (gh) await gh.stop();
  });

  beforeEach(async () => {
    if (!page) return;
    for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()); i += 1) await page.keyboard.press('Escape');
    page.problems.length = 0;
  });

  async function openShare(title) {
    await page.getByRole('button', { name: `Share ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Share ${title}` });
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').first().waitFor();
    return dialog;
  }

  async function closeShare(dialog) {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }

  test('add a person with an expiry: the row says when, a role change keeps it, a time past is refused', async () => {
    const dialog = await openShare('Onboarding');
    const people = dialog.getByRole('list', { name: 'People with access' });
    const row = (name) => people.getByRole('listitem').filter({ hasText: name });
    const grants = `/v1/spaces/${ids.Onboarding}/permissions/users`;
    const before = await alice.all(grants);

    // A time already past: said next to the form, and nothing is written.
    await dialog.getByLabel('Email or name').fill('frank.new@example.com');
    await dialog.getByLabel('Expires (optional)').fill(localField(ahead(-1)));
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Could not invite frank.new@example.com: the expiry must be in the future.' }).waitFor();
    assert.equal((await focused(page)).label, 'Expires (optional)', 'focus goes to the field at fault');
    assert.deepEqual(await alice.all(grants), before);

    const until = ahead(3);
    await dialog.getByLabel('Expires (optional)').fill(localField(until));
    await dialog.getByLabel('Role', { exact: true }).selectOption('comment');
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.getByText(/^Invited frank\.new@example\.com with Comment; access expires .* \(in 3 days\)\.$/).waitFor();
    await row('frank.new@example.com').getByText(/^direct · expires .* \(in 3 days\)$/).waitFor();
    await row('frank.new@example.com').getByRole('button', { name: 'Why frank.new@example.com has access' }).click();
    await row('frank.new@example.com').getByText(/a grant to this person: comment \(expires .* \(in 3 days\)\)/).waitFor();
    let frank = (await alice.all(grants)).find((g) => g.user.email === 'frank.new@example.com');
    assert.equal(frank.permission, 'comment');
    assert.equal(Date.parse(frank.expiresAt), until.getTime(), 'the API keeps the time the person chose');
    const agg = (await alice.all(`/v1/spaces/${ids.Onboarding}/permissions/aggregate`)).find((l) => l.user.id === frank.user.id);
    assert.equal(Date.parse(agg.expiresAt), until.getTime());
    await checkA11y(page, 'share dialog with an expiring grant');
    await screenshot(page, '16-share-expiry');

    // Changing the role keeps the expiry: a grant given again would otherwise become permanent.
    await row('frank.new@example.com').getByLabel('Role for frank.new@example.com').selectOption('edit');
    await eventually(async () => {
      frank = (await alice.all(grants)).find((g) => g.user.id === frank.user.id);
      assert.equal(frank.permission, 'edit');
    });
    assert.equal(Date.parse(frank.expiresAt), until.getTime());
    await row('frank.new@example.com').getByText(/^direct · expires .* \(in 3 days\)$/).waitFor();

    // A team for a day: its row says so too.
    const field = dialog.getByLabel('Email or name');
    await field.pressSequentially('Supp');
    await dialog.getByRole('option', { name: /Support/ }).waitFor();
    await field.press('ArrowDown');
    await field.press('Enter');
    await dialog.getByLabel('Expires (optional)').fill(localField(ahead(1)));
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    const teams = dialog.getByRole('list', { name: 'Teams with access' });
    await teams.getByRole('listitem').filter({ hasText: 'Support' }).getByText(/^expires .* \(in 24 hours\)$/).waitFor();
    const team = (await alice.all(`/v1/spaces/${ids.Onboarding}/permissions/teams`)).find((g) => g.team.title === 'Support');
    assert.equal(Date.parse(team.expiresAt), ahead(1).getTime());

    await teams.getByRole('button', { name: 'Remove Support' }).click();
    await row('frank.new@example.com').getByRole('button', { name: 'Remove frank.new@example.com' }).click();
    await eventually(async () => assert.equal(await row('frank.new@example.com').count(), 0));
    assert.equal((await alice.all(grants)).some((g) => g.user.id === frank.user.id), false);
    await closeShare(dialog);
    page.assertClean();
  });

  test('access requests: approve one until a time, deny one with a reason, a stale one is said in words', async () => {
    const base = `/v1/spaces/${ids.Onboarding}/access-requests`;
    const carol = apiClient(gh.origin, gh.tokens.carol);
    const bob = apiClient(gh.origin, gh.tokens.bob);
    const asked = await carol.post(base, { role: 'admin', message: 'I run the <b>onboarding</b> week' });
    const bobAsked = await bob.post(base, { role: 'admin' });

    const dialog = await openShare('Onboarding');
    const requests = dialog.getByRole('list', { name: 'Access requests' });
    const request = (name) => requests.getByRole('listitem').filter({ hasText: name });
    await request('Carol Reader').getByText(/^asks for Admin · /).waitFor();
    await request('Carol Reader').getByText('I run the <b>onboarding</b> week', { exact: true }).waitFor();
    await request('Bob Editor').waitFor();
    await checkA11y(page, 'share dialog with access requests');
    await screenshot(page, '17-share-access-requests');

    // Approved until a time: the request leaves the list, Carol appears with a grant that expires then.
    const until = ahead(7);
    await request('Carol Reader').getByLabel('Until (optional) for Carol Reader').fill(localField(until));
    await request('Carol Reader').getByRole('button', { name: 'Approve Carol Reader' }).click();
    await eventually(async () => assert.equal(await request('Carol Reader').count(), 0));
    const people = dialog.getByRole('list', { name: 'People with access' });
    await people.getByRole('listitem').filter({ hasText: 'Carol Reader' }).getByText(/^direct · expires .* \(in 7 days\)$/).waitFor();
    assert.equal((await alice.get(`${base}/${asked.id}`)).status, 'approved');
    const grant = (await alice.all(`/v1/spaces/${ids.Onboarding}/permissions/users`)).find((g) => g.user.id === 'carol');
    assert.equal(grant.permission, 'admin');
    assert.equal(Date.parse(grant.expiresAt), until.getTime());

    // Denied with a reason, with the keyboard: Deny opens the reason's field, Enter sends it.
    await request('Bob Editor').getByRole('button', { name: 'Deny Bob Editor' }).click();
    assert.equal((await focused(page)).label, 'Reason for Bob Editor (optional)');
    await page.keyboard.type('Ask your team lead');
    await page.keyboard.press('Enter');
    // With no request left, the section keeps out of the way.
    await dialog.getByRole('region', { name: 'Access requests' }).waitFor({ state: 'hidden' });
    assert.equal((await focused(page)).label, 'Email or name', 'focus stays in the dialog');
    const denied = await bob.get(`${base}/${bobAsked.id}`);
    assert.deepEqual([denied.status, denied.reason], ['denied', 'Ask your team lead'], 'the requester reads the reason');

    // A request decided elsewhere while the dialog shows it: the API's refusal is said next to it.
    const again = await bob.post(base, { role: 'admin' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    const reopened = await openShare('Onboarding');
    const stale = reopened.getByRole('list', { name: 'Access requests' }).getByRole('listitem').filter({ hasText: 'Bob Editor' });
    await stale.waitFor();
    await alice.post(`${base}/${again.id}/deny`, {});
    await stale.getByRole('button', { name: 'Approve Bob Editor' }).click();
    await stale.getByRole('alert').filter({ hasText: /^Could not approve Bob Editor: access request '.*' was denied already/ }).waitFor();
    assert.equal((await alice.get(`${base}/${again.id}`)).status, 'denied', 'nothing changed');
    await screenshot(page, '17a-share-access-request-refused');

    await alice.delete(`/v1/spaces/${ids.Onboarding}/permissions/users/carol`);
    await closeShare(reopened);
    page.assertClean();
  });

  test('a member\'s view says when the access that reaches a space expires', async () => {
    const until = ahead(2);
    await alice.post(`/v1/spaces/${ids.Onboarding}/permissions`, { role: 'edit', users: ['carol'], expiresAt: until.toISOString() });
    await page.goto(`${gh.origin}/#/org/${ids.org}/members/carol`);
    const reach = page.getByRole('list', { name: 'Spaces they can reach' });
    const onboarding = reach.getByRole('listitem').filter({ hasText: 'Onboarding' });
    await onboarding.getByText(/^direct · expires .* \(in 2 days\)$/).waitFor();
    await onboarding.getByText('Edit', { exact: true }).waitFor();
    await checkA11y(page, 'a member with access that expires');
    await screenshot(page, '18-member-expiry');
    await alice.delete(`/v1/spaces/${ids.Onboarding}/permissions/users/carol`);
    await page.getByRole('link', { name: 'Content' }).click();
    await page.getByRole('button', { name: 'Handbook', exact: true }).click();
    page.assertClean();
  });

  test('share links of a site: create, copy, deactivate (the link then reads nothing), delete', async () => {
    const base = `/v1/orgs/${ids.org}/sites/${ids.site}/share-links`;
    const dialog = await openShare('Developer Portal');
    const section = dialog.getByRole('region', { name: 'Share links' });
    const links = section.getByRole('list', { name: 'Share links' });
    await section.getByText('No share link to this site yet.').waitFor();
    await dialog.getByLabel('Link name (optional)').fill('Partners');
    await dialog.getByRole('button', { name: 'Create share link' }).click();
    const row = links.getByRole('listitem').filter({ hasText: 'Partners' });
    await row.waitFor();
    const [link] = (await alice.get(base)).items;
    assert.deepEqual([link.name, link.active], ['Partners', true]);
    assert.equal(await row.getByLabel('Address of share link Partners').inputValue(), link.urls.published);

    await row.getByRole('button', { name: 'Copy share link Partners' }).click();
    await row.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link.urls.published);

    // Whoever holds the address reads what the site publishes, until the link is deactivated.
    const key = new URL(link.urls.published).searchParams.get('share');
    const reads = async () => (await alice.post('/v1/permissions/check', {
      items: [{ shareLink: key, resource: { type: 'space', id: ids['Public API'] } }],
    })).items[0].permission;
    assert.equal(await reads(), 'read');
    await checkA11y(page, 'share dialog of a site with a share link');
    await screenshot(page, '19-share-links');

    await row.getByRole('button', { name: 'Deactivate share link Partners' }).click();
    await row.getByText(/deactivated: its address reads nothing/).waitFor();
    await row.getByRole('button', { name: 'Activate share link Partners' }).waitFor();
    assert.equal((await alice.get(base)).items[0].active, false);
    assert.equal(await reads(), null);

    await row.getByRole('button', { name: 'Delete share link Partners' }).click();
    await section.getByText('No share link to this site yet.').waitFor();
    assert.deepEqual((await alice.get(base)).items, []);
    await closeShare(dialog);
    page.assertClean();
  });

  test('an invite link is copied from the dialog: the new one and each listed one', async () => {
    const dialog = await openShare('Onboarding');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const secret = await dialog.getByLabel(/its id, the secret to share/).inputValue();
    const [link] = (await alice.get(`/v1/orgs/${ids.org}/link-invites`)).items;
    assert.equal(link.id, secret);
    await dialog.getByRole('button', { name: `Copy new link ${link.ref}` }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    const row = dialog.getByRole('list', { name: 'Invite links' }).getByRole('listitem').filter({ hasText: link.ref });
    await row.getByRole('button', { name: `Copy link ${link.ref}` }).click();
    await row.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    await row.getByRole('button', { name: `Delete link ${link.ref}` }).click();
    await dialog.getByText('No invite link to this yet.').waitFor();
    await closeShare(dialog);
    page.assertClean();
  });

  test('with a pending request the dialog still keeps focus inside, and every new control is reached by Tab', async () => {
    await apiClient(gh.origin, gh.tokens.carol).post(`/v1/spaces/${ids.Onboarding}/access-requests`, { role: 'edit' });
    const dialog = await openShare('Onboarding');
    await dialog.getByRole('button', { name: 'Approve Carol Reader' }).waitFor();
    const seen = new Set();
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.ok(f.inDialog, `Tab ${i + 1} left the dialog for ${f.tag} ${f.text}`);
      seen.add(f.label || f.text);
    }
    for (const name of ['Expires (optional)', 'Approve Carol Reader', 'Deny Carol Reader', 'Create invite link']) {
      assert.ok(seen.has(name), `Tab reaches ${name}: ${[...seen].join(', ')}`);
    }
    await page.keyboard.press('Shift+Tab');
    assert.ok((await focused(page)).inDialog);
    await closeShare(dialog);
    page.assertClean();
  });

  test('the audit log says in words who asked, who approved and denied, and what happened to share links', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    const log = page.getByRole('list', { name: 'Audit log' });
    await log.getByRole('listitem').first().waitFor();
    await page.getByLabel('Action').fill('access_request');
    const said = (text) => log.getByRole('listitem').filter({ hasText: text }).first().waitFor();
    await said('Carol Reader asked for access on space Onboarding');
    await said('Alice Admin approved the access request of Carol Reader on space Onboarding');
    await said('Alice Admin denied the access request of Bob Editor on space Onboarding');
    await page.getByLabel('Action').fill('share_link');
    await said('Alice Admin created a share link on site Developer Portal');
    await said('Alice Admin deleted a share link on site Developer Portal');
    const fromApi = (await alice.get(`/v1/orgs/${ids.org}/audit-log?limit=1000`)).items.filter((x) => x.action.startsWith('share_link.'));
    await eventually(async () => assert.equal(await log.getByRole('listitem').count(), fromApi.length, 'as many entries as the API answers'));
    await checkA11y(page, 'audit log of requests and links');
    await screenshot(page, '11c-audit-requests-and-links');
    await page.getByRole('link', { name: 'Content' }).click();
    await page.getByRole('button', { name: 'Handbook', exact: true }).click();
    page.assertClean();
  });

  test('someone without admin sees neither the requests nor the share links', async () => {
    const reader = await newPage(browser);
    await signIn(reader, gh.origin, gh.tokens.carol);
    await reader.getByRole('link', { name: 'Acme Documentation' }).click();
    await reader.getByRole('button', { name: 'Share Developer Portal' }).click();
    const dialog = reader.getByRole('dialog', { name: 'Share Developer Portal' });
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').first().waitFor();
    assert.equal(await dialog.getByRole('heading', { name: 'Share links' }).count(), 0);
    assert.equal(await dialog.getByRole('heading', { name: 'Access requests' }).count(), 0);
    assert.ok(await dialog.getByLabel('Expires (optional)').isDisabled());
    await checkA11y(reader, 'share dialog of a site for a reader');
    await reader.close();
    reader.assertClean();
  });
});
