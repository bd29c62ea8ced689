// The console's logic that needs no browser: origin wording, paging state, resource names, routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The console's files are plain ES modules named .js for the browser; Node reads them as modules from a copy.
const source = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'main', 'resources', 'console');
const copy = mkdtempSync(join(tmpdir(), 'gatehouse-console-'));
for (const f of readdirSync(source).filter((n) => n.endsWith('.js'))) {
  const text = readFileSync(join(source, f), 'utf8').replace(/from '\.\/([\w-]+)\.js'/g, "from './$1.mjs'");
  writeFileSync(join(copy, f.replace(/\.js$/, '.mjs')), text);
}
const load = (name) => import(pathToFileURL(join(copy, `${name}.mjs`)).href);
const { originWords, siteOriginWords, stepWords, isDirect, namesIn } = await load('origin');
const { Pager } = await load('pager');
const { parseResource, formatResource, resourcePath, explainPath } = await load('resource');
const { parseRoute, href } = await load('router');
const { expiryFromField, expiryWords, fieldBounds } = await load('expiry');

const space = { type: 'space', id: 'S1' };
const names = { 'collection:C1': 'Handbook', 'team:T1': 'Design', 'site:P1': 'Portal', 'space:S2': 'Public API' };
const nameOf = (type, id) => names[`${type}:${id}`] || null;

test('an origin on the resource itself is direct, one above is inherited, naming where', () => {
  assert.deepEqual(originWords({ level: 'space', id: 'S1', rule: 'user-grant', permission: 'edit', decided: true }, space, nameOf),
    { kind: 'direct', text: 'direct' });
  assert.equal(originWords({ level: 'collection', id: 'C1', rule: 'user-grant' }, space, nameOf).text,
    'inherited from collection Handbook');
  assert.equal(originWords({ level: 'collection', id: 'C9', rule: 'user-grant' }, space, nameOf).text,
    'inherited from a collection', 'a title the caller cannot read is not guessed');
});

test('team grants say which team, and where when it is above', () => {
  assert.equal(originWords({ level: 'space', id: 'S1', rule: 'team-grant', team: 'T1' }, space, nameOf).text, 'via team Design');
  assert.equal(originWords({ level: 'collection', id: 'C1', rule: 'team-grant', team: 'T1' }, space, nameOf).text,
    'via team Design, inherited from collection Handbook');
  assert.equal(originWords({ level: 'site-level', id: 'P1', rule: 'site-team-grant', team: 'T1' }, space, nameOf).text,
    'via team Design, inherited from site Portal');
  assert.equal(originWords({ level: 'site-level', id: 'P1', rule: 'site-user-grant' }, space, nameOf).text,
    'inherited from site Portal');
});

test('organization roles, admins and general access', () => {
  assert.equal(originWords({ level: 'organization', id: 'O', rule: 'organization-role' }, space, nameOf).text, 'organization role');
  assert.equal(originWords({ level: 'organization', id: 'O', rule: 'admin' }, space, nameOf).text, 'organization admin');
  assert.equal(originWords({ level: 'space', id: 'S1', rule: 'default' }, space, nameOf).text, 'general access');
  assert.equal(originWords({ level: 'collection', id: 'C1', rule: 'default' }, space, nameOf).text,
    'general access, inherited from collection Handbook');
  assert.equal(originWords(null, space, nameOf).text, 'unknown');
});

test('site aggregate origins', () => {
  assert.equal(siteOriginWords({ type: 'organization', organization: 'O' }, nameOf).text, 'organization role');
  assert.equal(siteOriginWords({ type: 'site', site: 'P1', reason: 'member' }, nameOf).text, 'direct');
  assert.equal(siteOriginWords({ type: 'site', site: 'P1', reason: 'team', team: 'T1' }, nameOf).text, 'via team Design');
  assert.equal(siteOriginWords({ type: 'site', site: 'P1', reason: 'default' }, nameOf).text, 'general access');
  assert.equal(siteOriginWords({ type: 'space', space: 'S2' }, nameOf).text, 'through space Public API, which the site publishes');
});

test('Remove is offered for a grant on the resource itself only', () => {
  assert.equal(isDirect({ level: 'space', id: 'S1', rule: 'user-grant' }, space), true);
  assert.equal(isDirect({ level: 'collection', id: 'C1', rule: 'user-grant' }, space), false);
  assert.equal(isDirect({ level: 'space', id: 'S1', rule: 'team-grant', team: 'T1' }, space), false);
  assert.equal(isDirect({ type: 'site', reason: 'member' }, { type: 'site', id: 'P1' }), true);
  assert.equal(isDirect({ type: 'site', reason: 'team' }, { type: 'site', id: 'P1' }), false);
});

test('the titles an origin needs', () => {
  assert.deepEqual(namesIn({ level: 'collection', id: 'C1', rule: 'team-grant', team: 'T1' }, space),
    [{ type: 'team', id: 'T1' }, { type: 'collection', id: 'C1' }]);
  assert.deepEqual(namesIn({ level: 'space', id: 'S1', rule: 'user-grant' }, space), []);
  assert.deepEqual(namesIn({ level: 'site-level', id: 'P1', rule: 'site-user-grant' }, space), [{ type: 'site', id: 'P1' }]);
});

test('explanation steps in words, the deciding one marked', () => {
  const s = stepWords({ level: 'collection', id: 'C1', rule: 'team-grant', permission: 'comment', decided: true, team: 'T1' }, nameOf);
  assert.deepEqual(s, { where: 'Collection Handbook', said: 'a grant to team Design: comment', decided: true });
  assert.equal(stepWords({ level: 'space', id: 'S1', rule: 'inherit', permission: null, decided: false }, nameOf).said,
    'nothing here: asks the level above');
  assert.equal(stepWords({ level: 'organization', id: 'O', rule: 'organization-role', permission: 'read', decided: true }, nameOf).where,
    'Organization');
});

/** An API list of n numbered items, pages of {@code size}, cursors "c<offset>"; counts its reads. */
function fakeList(n, size) {
  const calls = [];
  return {
    calls,
    fetchPage: async (cursor) => {
      calls.push(cursor);
      const from = cursor ? Number(cursor.slice(1)) : 0;
      const items = Array.from({ length: Math.max(0, Math.min(size, n - from)) }, (_, i) => from + i);
      return { items, next: from + size < n ? `c${from + size}` : null };
    },
  };
}

test('the pager walks any size a page at a time, and back', async () => {
  const list = fakeList(250, 100);
  const p = new Pager({ fetchPage: list.fetchPage, pageSize: 100 });
  assert.deepEqual((await p.first()).slice(0, 2), [0, 1]);
  assert.equal(p.hasNext, true);
  assert.equal(p.hasPrevious, false);
  await p.next();
  assert.equal(p.rows[0], 100);
  await p.next();
  assert.deepEqual([p.rows[0], p.rows.length, p.hasNext, p.firstRow], [200, 50, false, 200]);
  await p.previous();
  assert.equal(p.rows[0], 100);
  assert.equal(list.calls.length, 3, 'a page read once is not read again until a change');
  await p.reload();
  assert.equal(list.calls.length, 4, 'after a change the page shown is read again');
});

test('a list that ends exactly on a page boundary has no next page', async () => {
  const list = fakeList(200, 100);
  const p = new Pager({ fetchPage: list.fetchPage, pageSize: 100 });
  await p.first();
  await p.next();
  assert.equal(p.rows.length, 100);
  assert.equal(p.hasNext, false);
});

test('a filter reads on through the API pages for a page of matches, and resumes mid-page', async () => {
  const list = fakeList(10_000, 1000);
  const updates = [];
  const p = new Pager({ fetchPage: list.fetchPage, pageSize: 3, filter: (i) => i % 700 === 0, onUpdate: (s) => updates.push(s.rows.length) });
  assert.deepEqual(await p.first(), [0, 700, 1400]);
  assert.equal(list.calls.length, 2);
  assert.ok(updates.includes(2), 'matches are shown as they arrive');
  assert.deepEqual(await p.next(), [2100, 2800, 3500]);
  await p.next();
  await p.next();
  await p.next();
  assert.deepEqual(p.rows, [8400, 9100, 9800]);
  assert.equal(p.hasNext, true);
  assert.deepEqual(await p.next(), []);
  assert.equal(p.hasNext, false);
});

test('a failed read is kept as the error, and the next try reads again', async () => {
  let fail = true;
  const p = new Pager({
    fetchPage: async () => { if (fail) throw new Error('503 the store does not answer'); return { items: [1], next: null }; },
  });
  await p.first();
  assert.equal(p.error.message, '503 the store does not answer');
  fail = false;
  await p.load();
  assert.equal(p.error, null);
  assert.deepEqual(p.rows, [1]);
});

test('a page read that a newer one overtook is dropped', async () => {
  let release;
  const slow = new Promise((r) => { release = r; });
  const p = new Pager({ fetchPage: async (c) => (c ? { items: ['new'], next: null } : slow), pageSize: 1 });
  const first = p.first();
  p.starts[1] = { cursor: 'c1', offset: 0 };
  p.index = 1;
  await p.load();
  release({ items: ['old'], next: 'c1' });
  await first;
  assert.deepEqual(p.rows, ['new']);
});

test('resources are named as the API names them', () => {
  assert.deepEqual(parseResource('space:abc'), { type: 'space', id: 'abc' });
  assert.deepEqual(parseResource('page:s1/p1'), { type: 'page', space: 's1', id: 'p1' });
  assert.deepEqual(parseResource('site:o1/x_2'), { type: 'site', org: 'o1', id: 'x_2' });
  assert.equal(formatResource(parseResource('page:s1/p1')), 'page:s1/p1');
  assert.equal(resourcePath(parseResource('site:o1/x')), '/v1/orgs/o1/sites/x');
  assert.equal(explainPath(parseResource('collection:c'), 'bob'), '/v1/collections/c/permissions/users/bob/explain');
  for (const bad of ['', 'space', 'space:', 'page:p1', 'site:x', 'space:a/b', 'team:t', 'space:../x', 'space:a b']) {
    assert.throws(() => parseResource(bad), /does not name/, bad);
  }
});

test('routes hold ids only', () => {
  assert.deepEqual(parseRoute(''), { name: 'orgs' });
  assert.deepEqual(parseRoute('#/org/acme'), { name: 'content', org: 'acme' });
  assert.deepEqual(parseRoute('#/org/acme/members/bob'), { name: 'member', org: 'acme', user: 'bob' });
  assert.deepEqual(parseRoute('#/org/acme/audit'), { name: 'audit', org: 'acme' });
  assert.deepEqual(parseRoute('#/org/acme/nope'), { name: 'notfound', org: 'acme' });
  assert.equal(href('org', 'a b', 'members'), '#/org/a%20b/members');
});

test('an expiry typed in a datetime-local field: empty is none, a time ahead is its instant, anything else is said', () => {
  const now = new Date(2026, 11, 1, 14, 30);
  assert.deepEqual(expiryFromField('', now), { expiresAt: null });
  assert.deepEqual(expiryFromField('  ', now), { expiresAt: null });
  assert.deepEqual(expiryFromField('2026-12-05T10:00', now), { expiresAt: new Date(2026, 11, 5, 10, 0).toISOString() });
  assert.deepEqual(expiryFromField('2026-12-05T10:00:30', now), { expiresAt: new Date(2026, 11, 5, 10, 0, 30).toISOString() });
  assert.deepEqual(expiryFromField('2026-12-01T14:30', now), { error: 'the expiry must be in the future' });
  assert.deepEqual(expiryFromField('2025-01-01T00:00', now), { error: 'the expiry must be in the future' });
  assert.deepEqual(expiryFromField('2028-01-01T00:00', now), { error: 'the expiry may be at most a year ahead' });
  assert.ok(expiryFromField('2027-11-30T14:00', now).expiresAt, 'within a year is fine');
  for (const bad of ['tomorrow', '2026-02-30T10:00', '2026-12-05', '2026-13-01T00:00', '2026-12-05T10:00Z']) {
    assert.deepEqual(expiryFromField(bad, now), { error: `'${bad}' is not a date and time` }, bad);
  }
  // Seeded random times ahead (within a year) come back as the same instant, to the second.
  let seed = 42;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < 500; i += 1) {
    const at = new Date(now.getTime() + Math.floor(random() * 364 * 24 * 3600) * 1000 + 1000);
    const pad = (n) => String(n).padStart(2, '0');
    const field = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
    assert.equal(Date.parse(expiryFromField(field, now).expiresAt), at.getTime(), field);
  }
});

test('an expiry in words: when, and how long is left', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  assert.equal(expiryWords(null, now), null);
  assert.equal(expiryWords(undefined, now), null);
  assert.match(expiryWords('2026-12-01T12:20:00Z', now), /^expires .* \(in 20 minutes\)$/);
  assert.match(expiryWords('2026-12-01T13:00:00Z', now), /\(in 1 hour\)$/);
  assert.match(expiryWords('2026-12-02T12:00:00Z', now), /\(in 24 hours\)$/);
  assert.match(expiryWords('2026-12-08T12:00:00Z', now), /\(in 7 days\)$/);
  assert.match(expiryWords('2026-12-01T12:00:20Z', now), /\(in less than a minute\)$/);
  assert.match(expiryWords('2026-11-30T12:00:00Z', now), /^expired /);
  assert.match(expiryWords('2026-12-08T12:00:00Z', now), /^expires \d{1,2} Dec 2026, \d\d:\d\d /);
});

test('the expiry field is bounded by now and a year ahead', () => {
  assert.deepEqual(fieldBounds(new Date(2026, 11, 31, 23, 59, 30)), { min: '2027-01-01T00:00', max: '2027-12-31T23:59' });
  assert.deepEqual(fieldBounds(new Date(2028, 1, 29, 8, 5)), { min: '2028-02-29T08:06', max: '2029-03-01T08:05' });
});
