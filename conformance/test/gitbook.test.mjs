// GitBook's official client against a real Gatehouse: a whole organization's story, checked against the
// permission model, with every answer validated against GitBook's published schema.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GitBookAPI, GitBookAPIError } from '@gitbook/api';
import { startGatehouse, Checker } from './harness.mjs';

let gh;
let checker;
const tokens = {};
const ids = {};

/** The official client acting as one user, with every answer checked. */
function client(token) {
  return new GitBookAPI({ endpoint: gh.origin, authToken: token, serviceBinding: { fetch: checker.fetch() } });
}

/** A Gatehouse addition (no GitBook client method): plain fetch, checked against Gatehouse's document. */
async function raw(method, path, token, body) {
  const init = { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const r = await checker.fetch()(`${gh.origin}${path}`, init);
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null, revision: r.headers.get('x-gatehouse-revision') };
}

/** Every item of a GitBook list, following next.page. */
async function all(list) {
  const items = [];
  let page;
  do {
    const { data } = await list(page);
    items.push(...data.items);
    page = data.next?.page;
  } while (page);
  return items;
}

/** An RFC 3339 time in UTC as microseconds since the epoch: Date keeps milliseconds only. */
const micros = (t) => {
  const [seconds, fraction = ''] = t.replace(/Z$/, '').split('.');
  return BigInt(Date.parse(`${seconds}Z`)) * 1000n + BigInt((fraction + '000000').slice(0, 6));
};

const byUser = (items) => Object.fromEntries(items.map((i) => [i.user.id, i.permission]));

/** Expects a GitBookAPIError with this code; returns it. */
async function refused(promise, code) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof GitBookAPIError, `expected a GitBookAPIError, got ${e}`);
    assert.equal(e.code, code, e.errorMessage);
    assert.ok(e.errorMessage.length > 10, 'the message says what is wrong');
    return e;
  }
  assert.fail(`expected a ${code}`);
}

before(async () => {
  gh = await startGatehouse();
  const doc = await (await fetch(`${gh.origin}/v1/openapi.json`)).json();
  checker = new Checker(doc);
  for (const u of ['alice', 'bob', 'carol', 'dave', 'erin']) {
    const r = await raw('POST', '/v1/users', gh.adminToken, { id: u, displayName: u, email: `${u}@example.com` });
    assert.equal(r.status, 201);
    tokens[u] = (await raw('POST', `/v1/users/${u}/tokens`, gh.adminToken, { label: 'conformance' })).body.token;
  }
  const org = await raw('POST', '/v1/orgs', gh.adminToken, { title: 'Org O', admin: 'alice' });
  assert.equal(org.status, 201);
  ids.org = org.body.id;
});

after(() => gh?.stop());

test('members, invites and the organization', async () => {
  const api = client(tokens.alice);
  assert.equal((await api.user.getAuthenticatedUser()).data.id, 'alice');
  const orgs = (await api.orgs.listOrganizationsForAuthenticatedUser()).data.items;
  assert.deepEqual(orgs.map((o) => o.id), [ids.org]);
  await api.orgs.updateOrganizationById(ids.org, { title: 'Org O, renamed' });
  assert.equal((await api.orgs.getOrganizationById(ids.org)).data.title, 'Org O, renamed');
  const invited = (await api.orgs.inviteUsersToOrganization(ids.org, {
    emails: [{ email: 'bob@example.com', role: 'edit' }, 'carol@example.com', { email: 'dave@example.com', role: null },
      { email: 'erin@example.com', role: 'edit' }, 'frank@example.com'],
    role: 'read',
  })).data;
  assert.deepEqual(invited.users.slice(0, 4), ['bob', 'carol', 'dave', 'erin']);
  assert.equal(invited.invited, 1, 'frank had no account');
  ids.frank = invited.users[4];
  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'carol')).data.role, 'read');
  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'dave')).data.role, null);
  await api.orgs.updateMemberInOrganizationById(ids.org, 'erin', { role: 'comment' });
  const members = await all((page) => api.orgs.listMembersInOrganizationById(ids.org, { page, limit: 2 }));
  assert.equal(members.length, 6);
  const guests = (await api.orgs.listMembersInOrganizationById(ids.org, { role: 'guest' })).data.items;
  assert.deepEqual(guests.map((m) => m.id), ['dave']);
  await api.users.updateUserById('alice', { displayName: 'Alice Admin' });
  assert.equal((await api.users.getUserById('alice')).data.displayName, 'Alice Admin');
});

test('teams', async () => {
  const api = client(tokens.alice);
  const team = (await api.orgs.createOrganizationTeam(ids.org, { title: 'T', members: ['bob', 'carol'] })).data;
  ids.team = team.id;
  assert.equal(team.members, 2);
  await api.orgs.updateTeamInOrganizationById(ids.org, team.id, { title: 'Team T' });
  assert.equal((await api.orgs.getTeamInOrganizationById(ids.org, team.id)).data.title, 'Team T');
  await api.orgs.updateMembersInOrganizationTeam(ids.org, team.id, { add: ['erin@example.com'],
    memberships: { bob: { role: 'owner' } } });
  await api.orgs.addMemberToOrganizationTeamById(ids.org, team.id, 'frank@example.com' === '' ? 'x' : ids.frank, { role: 'member' });
  await api.orgs.deleteMemberFromOrganizationTeamById(ids.org, team.id, ids.frank);
  await api.orgs.deleteMemberFromOrganizationTeamById(ids.org, team.id, 'erin');
  const members = (await api.orgs.listTeamMembersInOrganizationById(ids.org, team.id)).data.items;
  assert.deepEqual(members.map((m) => `${m.organization.id}:${m.team.role}`), ['bob:owner', 'carol:member']);
  const list = (await api.orgs.listTeamsInOrganizationById(ids.org)).data.items;
  assert.deepEqual(list.map((t) => t.id), [team.id]);
  const bobs = (await client(tokens.bob).orgs.listTeamsForOrganizationMember(ids.org, 'bob')).data.items;
  assert.equal(bobs[0].member.role, 'owner');
  const extra = (await api.orgs.createOrganizationTeam(ids.org, { title: 'Short-lived' })).data;
  await api.orgs.removeTeamFromOrganizationById(ids.org, extra.id);
  // frank, invited by email above, leaves again so the stories below speak of five people.
  await api.orgs.removeMemberFromOrganizationById(ids.org, ids.frank);
});

test('collections, spaces and the worked example of the permission model', async () => {
  const api = client(tokens.alice);
  ids.c = (await api.orgs.createCollection(ids.org, { title: 'C' })).data.id;
  ids.c2 = (await api.orgs.createCollection(ids.org, { title: 'C2', parent: ids.c })).data.id;
  await api.collections.updateCollectionById(ids.c2, { defaultLevel: null, description: 'closed' });
  await api.collections.moveCollection(ids.c2, { parent: null });
  assert.equal((await api.collections.getCollectionById(ids.c2)).data.parent, undefined);
  assert.equal((await api.orgs.listCollectionsInOrganizationById(ids.org)).data.items.length, 2);
  ids.s = (await api.orgs.createSpace(ids.org, { title: 'S', parent: ids.c })).data.id;
  ids.s2 = (await api.orgs.createSpace(ids.org, { title: 'S2', parent: ids.c })).data.id;
  await api.spaces.updateSpaceById(ids.s2, { defaultLevel: 'read' });
  await api.collections.inviteToCollection(ids.c, { role: 'comment', teams: [ids.team] });
  await api.spaces.inviteToSpace(ids.s, { role: 'edit', users: ['carol'] });

  // permission-model.md, worked example: bob comment on S (the team grant on C, nearer than his role),
  // carol edit (user grant), dave none (guest); on S2 the default read reaches bob and carol, not dave.
  const s = byUser(await all((page) => api.spaces.listPermissionsAggregateInSpace(ids.s, { page, limit: 2 })));
  assert.deepEqual(s, { alice: 'admin', bob: 'comment', carol: 'edit', erin: 'comment' });
  const s2 = byUser((await api.spaces.listPermissionsAggregateInSpace(ids.s2)).data.items);
  assert.deepEqual(s2, { alice: 'admin', bob: 'read', carol: 'read', erin: 'read' });
  const onlyEdit = (await api.spaces.listPermissionsAggregateInSpace(ids.s, { role: 'edit' })).data.items;
  assert.deepEqual(onlyEdit.map((i) => i.user.id), ['carol']);
  const c = byUser((await api.collections.listPermissionsAggregateInCollection(ids.c)).data.items);
  assert.deepEqual(c, { alice: 'admin', bob: 'comment', carol: 'comment', erin: 'comment' });
  assert.deepEqual((await api.spaces.listUserPermissionsInSpace(ids.s)).data.items.map((i) => i.user.id), ['carol']);
  assert.deepEqual((await api.collections.listTeamPermissionsInCollection(ids.c)).data.items.map((i) => i.team.id),
    [ids.team]);
  assert.equal((await api.spaces.listTeamPermissionsInSpace(ids.s)).data.items.length, 0);
  assert.equal((await api.collections.listUserPermissionsInCollection(ids.c)).data.items.length, 0);
  const bobSpaces = (await api.orgs.listSpacesForOrganizationMember(ids.org, 'bob')).data.items;
  assert.deepEqual(bobSpaces.map((i) => [i.space.id, i.permission]), [[ids.s2, 'read'], [ids.s, 'comment']]);
  assert.deepEqual((await api.collections.listSpacesInCollectionById(ids.c)).data.items.map((x) => x.id), [ids.s, ids.s2]);
  assert.equal((await api.orgs.listSpacesInOrganizationById(ids.org)).data.items.length, 2);
  const asDave = await refused(client(tokens.dave).spaces.getSpaceById(ids.s), 404);
  assert.match(asDave.errorMessage, /no space/);
});

test('grants changed, set to null and removed', async () => {
  const api = client(tokens.alice);
  await api.spaces.updateUserPermissionInSpace(ids.s, 'carol', { role: 'review' });
  await api.spaces.updateUserPermissionInSpace(ids.s, 'bob', { role: null });
  await api.collections.updateTeamPermissionInCollection(ids.c, ids.team, { role: 'read' });
  let s = byUser((await api.spaces.listPermissionsAggregateInSpace(ids.s)).data.items);
  assert.deepEqual(s, { alice: 'admin', carol: 'review', erin: 'comment' }, 'bob is cut out by his null grant');
  await api.spaces.removeUserFromSpace(ids.s, 'bob');
  await api.spaces.inviteToSpace(ids.s, { role: 'admin', teams: [ids.team] });
  await api.spaces.updateTeamPermissionInSpace(ids.s, ids.team, { role: 'edit' });
  s = byUser((await api.spaces.listPermissionsAggregateInSpace(ids.s)).data.items);
  assert.deepEqual(s, { alice: 'admin', bob: 'edit', carol: 'review', erin: 'comment' });
  await api.spaces.removeTeamFromSpace(ids.s, ids.team);
  await api.collections.inviteToCollection(ids.c, { role: 'edit', users: ['dave'] });
  await api.collections.updateUserPermissionInCollection(ids.c, 'dave', { role: 'read' });
  assert.equal(byUser((await api.spaces.listPermissionsAggregateInSpace(ids.s)).data.items).dave, 'read');
  await api.collections.removeUserFromCollection(ids.c, 'dave');
  await api.collections.removeTeamFromCollection(ids.c, ids.team);
  s = byUser((await api.spaces.listPermissionsAggregateInSpace(ids.s)).data.items);
  assert.deepEqual(s, { alice: 'admin', bob: 'edit', carol: 'review', erin: 'comment' });
});

test('a space trashed and restored, moved, and an empty collection deleted', async () => {
  const api = client(tokens.alice);
  await api.spaces.deleteSpaceById(ids.s2);
  await refused(client(tokens.bob).spaces.getSpaceById(ids.s2), 404);
  assert.ok((await api.spaces.getSpaceById(ids.s2)).data.deletedAt);
  await api.spaces.restoreSpace(ids.s2);
  await api.spaces.moveSpace(ids.s2, { parent: ids.c2 });
  assert.equal((await api.spaces.getSpaceById(ids.s2)).data.parent, ids.c2);
  // S2's own default (read) decides before C2's null default is reached.
  assert.equal((await client(tokens.bob).spaces.getSpaceById(ids.s2)).data.permissions.edit, false);
  await api.spaces.moveSpace(ids.s2, { parent: null });
  await api.collections.deleteCollectionById(ids.c2);
});

test('a site, its spaces, and where each permission comes from', async () => {
  const api = client(tokens.alice);
  const site = (await api.orgs.createSite(ids.org, { title: 'Docs', spaces: [ids.s] })).data;
  ids.site = site.id;
  await api.orgs.updateSiteById(ids.org, site.id, { defaultLevel: null });
  assert.equal((await api.orgs.getSiteById(ids.org, site.id)).data.defaultLevel, null);
  assert.deepEqual((await api.orgs.listSites(ids.org)).data.items.map((x) => x.id), [site.id]);
  const added = (await api.orgs.addSpaceToSite(ids.org, site.id, { spaceId: ids.s2 })).data;
  assert.equal((await api.orgs.listSiteSpaces(ids.org, site.id)).data.items.length, 2);
  await api.orgs.deleteSiteSpaceById(ids.org, site.id, added.id);
  await api.orgs.inviteToSite(ids.org, site.id, { role: 'read', users: ['dave'] });
  await api.orgs.inviteToSite(ids.org, site.id, { role: 'comment', teams: [ids.team] });
  await api.orgs.updateTeamPermissionInSite(ids.org, site.id, ids.team, { role: 'edit' });
  assert.deepEqual((await api.orgs.listUserPermissionsInSite(ids.org, site.id)).data.items.map((i) => i.user.id), ['dave']);
  assert.equal((await api.orgs.listTeamPermissionsInSite(ids.org, site.id)).data.items[0].permission, 'edit');
  const items = (await api.orgs.listPermissionsAggregateInSite(ids.org, site.id)).data.items;
  const origins = Object.fromEntries(items.map((i) => [i.user.id, `${i.permission} ${i.origin.type}`
    + (i.origin.reason ? `/${i.origin.reason}` : '')]));
  // alice is an admin; bob and carol are in the team granted edit on the site; dave has a user grant;
  // erin reaches the published space S (comment, from her role through C).
  assert.deepEqual(origins, { alice: 'admin organization', bob: 'edit site/team', carol: 'edit site/team',
    dave: 'read site/member', erin: 'comment space' });
  await api.orgs.updateUserPermissionInSite(ids.org, site.id, 'dave', { role: 'comment' });
  await api.orgs.removeUserFromSite(ids.org, site.id, 'dave');
  await api.orgs.removeTeamFromSite(ids.org, site.id, ids.team);

  // Share links: created, listed with their URL, deactivated (the check answers none at once), deleted.
  const link = (await api.orgs.createSiteShareLink(ids.org, site.id, { name: 'Reviewers' })).data;
  assert.equal(link.active, true);
  const key = new URL(link.urls.published).searchParams.get('share');
  const checkLink = async () => (await raw('POST', '/v1/permissions/check', tokens.alice, {
    items: [{ shareLink: key, resource: { type: 'space', id: ids.s } }] })).body.items[0].permission;
  assert.equal(await checkLink(), 'read');
  assert.deepEqual((await api.orgs.listSiteShareLinks(ids.org, site.id)).data.items.map((l) => l.id), [link.id]);
  const off = (await api.orgs.updateSiteShareLinkById(ids.org, site.id, link.id, { active: false })).data;
  assert.equal(off.active, false);
  assert.equal(await checkLink(), null);
  await refused(client(tokens.dave).orgs.createSiteShareLink(ids.org, site.id, { name: 'Mine' }), 404);
  const deleted = await api.orgs.deleteSiteShareLinkById(ids.org, site.id, link.id);
  assert.equal(deleted.status, 205);
  assert.equal((await api.orgs.deleteSiteShareLinkById(ids.org, site.id, link.id)).status, 204);
  assert.deepEqual((await api.orgs.listSiteShareLinks(ids.org, site.id)).data.items, []);
  await api.orgs.deleteSiteById(ids.org, site.id);
});

test('audit events: the audit log through GitBook\'s audit-event operations', async () => {
  const api = client(tokens.alice);
  const actions = (await api.orgs.listOrganizationAuditEventActions(ids.org)).data.items;
  assert.ok(actions.some((a) => a.id === 'grant.updated' && a.label.length > 0));
  const events = await all((page) => api.orgs.listOrganizationAuditEvents(ids.org, { page, limit: 7 }));
  const log = (await raw('GET', `/v1/orgs/${ids.org}/audit-log?limit=1000`, tokens.alice)).body.items;
  assert.equal(events.length, log.length, 'one event per entry of the audit log');
  assert.deepEqual(events.map((e) => e.action), log.map((e) => e.action).reverse(), 'newest first');
  assert.equal(new Set(events.map((e) => e.id)).size, events.length);
  assert.ok(events.every((e) => actions.some((a) => a.id === e.action)), 'every action is listed');

  const updated = (await api.orgs.listOrganizationAuditEvents(ids.org,
    { action: 'grant.updated', target: ids.s, actor: 'alice' })).data.items;
  assert.ok(updated.length > 0);
  assert.ok(updated.every((e) => e.action === 'grant.updated' && e.target.id === ids.s && e.actor.id === 'alice'));
  const middle = events[Math.floor(events.length / 2)].occurredAt;
  const since = await all((page) => api.orgs.listOrganizationAuditEvents(ids.org, { page, from: middle }));
  assert.deepEqual(since.map((e) => e.id), events.filter((e) => micros(e.occurredAt) >= micros(middle)).map((e) => e.id));
  const upTo = (await api.orgs.listOrganizationAuditEvents(ids.org, { to: events.at(-1).occurredAt })).data.items;
  assert.equal(upTo.at(-1).action, 'organization.created');

  const details = await Promise.all(updated.map(async (e) => (await api.orgs.getOrganizationAuditEvent(ids.org, e.id)).data));
  assert.deepEqual(details.map((d) => d.id), updated.map((e) => e.id));
  assert.ok(details.every((d) => d.schemaVersion === 1));
  const carol = details.filter((d) => d.payload.subject?.id === 'carol').map((d) => `${d.payload.before}->${d.payload.after}`);
  assert.deepEqual(carol, ['edit->review'], 'carol\'s grant on S went from edit to review');

  // Admins only; an id of nothing and bad filters are refused as GitBook declares.
  await refused(client(tokens.bob).orgs.listOrganizationAuditEvents(ids.org), 403);
  await refused(client(tokens.dave).orgs.listOrganizationAuditEventActions(ids.org), 403);
  await refused(api.orgs.getOrganizationAuditEvent(ids.org, '00000000-0000-4000-8000-000000000000'), 404);
  await refused(api.orgs.listOrganizationAuditEvents(ids.org, { from: 'yesterday' }), 400);
  await refused(api.orgs.listOrganizationAuditEvents(ids.org, { action: 'grant.renamed' }), 400);
  await refused(api.orgs.listOrganizationAuditEvents(ids.org, { limit: 101 }), 400);
});

test('members sorted by name, both ways, across pages', async () => {
  const api = client(tokens.alice);
  const asc = await all((page) => api.orgs.listMembersInOrganizationById(ids.org, { page, limit: 2, sort: 'name',
    order: 'asc' }));
  const names = asc.map((m) => m.user.displayName.toLowerCase());
  assert.deepEqual(names, [...names].sort());
  const desc = await all((page) => api.orgs.listMembersInOrganizationById(ids.org, { page, limit: 3, sort: 'name' }));
  assert.deepEqual(desc.map((m) => m.id), asc.map((m) => m.id).reverse(), 'desc by default, as GitBook');
  await refused(api.orgs.listMembersInOrganizationById(ids.org, { sort: 'lastSeenAt' }), 400);
});

test('errors come back as GitBookAPIError with the right code', async () => {
  const api = client(tokens.alice);
  const wrongCase = await refused(api.spaces.inviteToSpace(ids.s, { role: 'Edit', users: ['bob'] }), 400);
  assert.match(wrongCase.errorMessage, /not a role/);
  await refused(api.spaces.listPermissionsAggregateInSpace(ids.s, { limit: 5000 }), 400);
  await refused(client('not-a-token').user.getAuthenticatedUser(), 401);
  // A space of another organization answers exactly like a space that does not exist.
  const zed = await raw('POST', '/v1/users', gh.adminToken, { id: 'zed', displayName: 'Zed', email: 'zed@example.com' });
  assert.equal(zed.status, 201);
  const other = (await raw('POST', '/v1/orgs', gh.adminToken, { title: 'Other', admin: 'zed' })).body.id;
  const zedToken = (await raw('POST', '/v1/users/zed/tokens', gh.adminToken, {})).body.token;
  const theirs = (await client(zedToken).orgs.createSpace(other, { title: 'Theirs' })).data.id;
  const foreign = await refused(api.spaces.getSpaceById(theirs), 404);
  const missing = await refused(api.spaces.getSpaceById('doesNotExist'), 404);
  assert.equal(foreign.errorMessage.replace(theirs, 'X'), missing.errorMessage.replace('doesNotExist', 'X'));
  const last = await refused(api.orgs.updateMemberInOrganizationById(ids.org, 'alice', { role: 'edit' }), 409);
  assert.match(last.errorMessage, /last admin/);
});

test('paging through more than 1000 items visits each once', async () => {
  const api = client(tokens.alice);
  for (let batch = 0; batch < 2; batch++) {
    const emails = Array.from({ length: 550 }, (_, i) => `reader${batch}-${i}@example.com`);
    await api.orgs.inviteUsersToOrganization(ids.org, { emails, role: 'read' });
  }
  const members = await all((page) => api.orgs.listMembersInOrganizationById(ids.org, { page, limit: 1000 }));
  assert.equal(members.length, 5 + 1100);
  assert.equal(new Set(members.map((m) => m.id)).size, members.length);
  const agg = await all((page) => api.spaces.listPermissionsAggregateInSpace(ids.s, { page, limit: 1000 }));
  assert.equal(new Set(agg.map((i) => i.user.id)).size, agg.length);
  assert.equal(agg.length, 4 + 1100);
});

test('careless input gets a 4xx or an allowed success, and a refusal changes nothing', async () => {
  const api = client(tokens.alice);
  const revision = async () => (await raw('GET', `/v1/orgs/${ids.org}`, tokens.alice)).revision;
  const before = await revision();
  const attempts = [
    () => api.spaces.inviteToSpace(ids.s, { role: 'EDIT', users: ['bob'] }),
    () => api.spaces.inviteToSpace(ids.s, { role: 'edit', users: [] }),
    () => api.spaces.inviteToSpace(ids.s, { role: 'edit', users: [], teams: [] }),
    () => api.spaces.getSpaceById('a/b'),
    () => api.spaces.getSpaceById('100%'),
    () => api.spaces.listPermissionsAggregateInSpace(ids.s, { limit: 'many' }),
    () => api.spaces.updateUserPermissionInSpace(ids.s, 'bob%', { role: 'admin' }),
    () => api.spaces.updateUserPermissionInSpace(ids.s, 'bob%2Fcarol', { role: 'admin' }),
    () => api.orgs.inviteUsersToOrganization(ids.org, { emails: ['not an email'] }),
    () => api.orgs.createOrganizationTeam(ids.org, { members: ['bob'] }),
    () => api.collections.moveCollection(ids.c, { parent: ids.c }),
  ];
  for (const attempt of attempts) {
    try {
      await attempt();
      assert.fail(`${attempt} was accepted`);
    } catch (e) {
      if (!(e instanceof GitBookAPIError)) throw e;
      assert.ok(e.code >= 400 && e.code < 500, `${attempt} -> ${e.code}`);
    }
  }
  // A field the operation does not take is refused by name; GitBook's own fields are all taken, those of
  // features Gatehouse does not have (a space's editMode and language) ignored.
  const unknown = await refused(api.spaces.updateSpaceById(ids.s, { title: 'S', unknownField: 1 }), 400);
  assert.match(unknown.errorMessage, /unknown field 'unknownField'/);
  assert.equal(await revision(), before, 'refusals changed nothing');
  const updated = (await api.spaces.updateSpaceById(ids.s, { title: 'S', editMode: 'live', language: 'en' })).data;
  assert.equal(updated.title, 'S');
});

test('invite links: created, listed, read, changed, joined, refused and deleted', async () => {
  const api = client(tokens.alice);
  for (const u of ['ivan', 'judy', 'mia']) {
    assert.equal((await raw('POST', '/v1/users', gh.adminToken, { id: u, displayName: u, email: `${u}@example.com` }))
      .status, 201);
    tokens[u] = (await raw('POST', `/v1/users/${u}/tokens`, gh.adminToken, {})).body.token;
  }
  const toOrg = (await api.orgs.createOrganizationInvite(ids.org, { role: 'read' })).data;
  assert.equal(toOrg.object, 'invite');
  assert.equal(toOrg.role, 'read');
  assert.equal(toOrg.redundant, true, 'alice, an admin, has more than the link gives');
  const toSpace = (await api.orgs.createOrganizationInvite(ids.org, { level: 'comment', space: ids.s })).data;
  assert.equal(toSpace.level, 'comment');
  assert.equal(toSpace.space.id, ids.s);
  const links = await all((page) => api.orgs.listOrganizationInviteLinks(ids.org, { page, limit: 1 }));
  assert.deepEqual(links.map((l) => l.id).sort(), [toOrg.id, toSpace.id].sort());
  assert.equal(links.find((l) => l.id === toSpace.id).role, null, 'a link to content lists as a guest\'s link');
  assert.equal((await api.orgs.getOrganizationInviteLink(ids.org, toOrg.id)).data.role, 'read');
  assert.equal((await api.orgs.getOrganizationInviteLink(ids.org, toSpace.id)).data.space.id, ids.s);
  assert.equal((await api.orgs.updateOrganizationInviteById(ids.org, toOrg.id, { role: 'comment' })).data.role, 'comment');
  assert.equal((await api.orgs.updateOrganizationInviteById(ids.org, toSpace.id, { level: 'edit' })).data.level, 'edit');

  // ivan, no member, joins through the organization link; dave, a guest with nothing on S, through the space link.
  const asIvan = client(tokens.ivan);
  assert.equal((await asIvan.orgs.joinOrganizationWithInvite(ids.org, toOrg.id)).data.redundant, false);
  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'ivan')).data.role, 'comment');
  assert.equal((await asIvan.orgs.joinOrganizationWithInvite(ids.org, toOrg.id)).data.redundant, true);
  const asDave = client(tokens.dave);
  assert.equal((await asDave.orgs.joinOrganizationWithInvite(ids.org, toSpace.id)).data.redundant, false);
  assert.equal(byUser((await api.spaces.listUserPermissionsInSpace(ids.s)).data.items).dave, 'edit');
  assert.equal((await asDave.orgs.joinOrganizationWithInvite(ids.org, toSpace.id)).data.redundant, true);
  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'dave')).data.role, null, 'dave is still a guest');

  // Refusals: a forged id is a 404 everywhere; a deactivated, used-up or expired link is gone (410).
  const forged = 'f0rged0000000000000000000000000000000000';
  await refused(asIvan.orgs.joinOrganizationWithInvite(ids.org, forged), 404);
  await refused(api.orgs.getOrganizationInviteLink(ids.org, forged), 404);
  await refused(api.orgs.updateOrganizationInviteById(ids.org, forged, { role: 'read' }), 404);
  await refused(client(tokens.bob).orgs.createOrganizationInvite(ids.org, { role: 'read' }), 403);
  await refused(client(tokens.bob).orgs.getOrganizationInviteLink(ids.org, toOrg.id), 404);
  await refused(api.orgs.createOrganizationInvite(ids.org, { role: 'boss' }), 400);
  const off = (await api.orgs.updateOrganizationInviteById(ids.org, toOrg.id, { active: false })).data;
  assert.equal(off.active, false);
  await refused(client(tokens.judy).orgs.joinOrganizationWithInvite(ids.org, toOrg.id), 410);
  const once = (await api.orgs.createOrganizationInvite(ids.org, { role: 'read', maxUses: 1 })).data;
  assert.equal((await client(tokens.judy).orgs.joinOrganizationWithInvite(ids.org, once.id)).data.redundant, false);
  await refused(client(tokens.mia).orgs.joinOrganizationWithInvite(ids.org, once.id), 410);
  assert.equal((await client(tokens.judy).orgs.joinOrganizationWithInvite(ids.org, once.id)).data.redundant, true,
    'a joiner already redundant is answered even when the link is used up');
  const soon = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000).toISOString();
  const brief = (await api.orgs.createOrganizationInvite(ids.org, { role: 'edit', expiresAt: soon })).data;
  await new Promise((r) => setTimeout(r, Date.parse(soon) - Date.now() + 200));
  await refused(client(tokens.erin).orgs.joinOrganizationWithInvite(ids.org, brief.id), 410);
  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'erin')).data.role, 'comment', 'refusals wrote nothing');
  await refused(api.orgs.getMemberInOrganizationById(ids.org, 'mia'), 404);

  for (const link of [toOrg, toSpace, once, brief]) {
    assert.equal((await api.orgs.deleteOrganizationInviteById(ids.org, link.id)).status, 205);
  }
  await refused(api.orgs.deleteOrganizationInviteById(ids.org, toOrg.id), 404);
  await refused(asIvan.orgs.joinOrganizationWithInvite(ids.org, toOrg.id), 404);
  assert.deepEqual((await api.orgs.listOrganizationInviteLinks(ids.org)).data.items, []);
});

test('joining by email domain, and SSO members', async () => {
  const api = client(tokens.alice);
  const users = { kate: 'kate@Acme.example.org', liam: 'liam@elsewhere.example.org' };
  for (const [u, email] of Object.entries(users)) {
    assert.equal((await raw('POST', '/v1/users', gh.adminToken, { id: u, displayName: u, email })).status, 201);
    tokens[u] = (await raw('POST', `/v1/users/${u}/tokens`, gh.adminToken, {})).body.token;
  }
  await refused(client(tokens.kate).orgs.joinOrganization(ids.org), 404);
  const org = (await api.orgs.updateOrganizationById(ids.org, { emailDomains: ['ACME.example.org', 'acme.example.org'],
    defaultRole: 'comment' })).data;
  assert.deepEqual(org.emailDomains, ['acme.example.org']);
  assert.deepEqual((await api.orgs.getOrganizationById(ids.org)).data.emailDomains, ['acme.example.org']);
  assert.equal((await client(tokens.kate).orgs.joinOrganization(ids.org)).status, 204);
  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'kate')).data.role, 'comment');
  assert.equal((await client(tokens.kate).orgs.joinOrganization(ids.org)).status, 204, 'a member joins again harmlessly');
  const other = await refused(client(tokens.liam).orgs.joinOrganization(ids.org), 400);
  assert.match(other.errorMessage, /domain/);
  await refused(client(tokens.liam).orgs.getMemberInOrganizationById(ids.org, 'liam'), 404);
  await refused(api.orgs.updateOrganizationById(ids.org, { emailDomains: ['not a domain'] }), 400);
  await api.orgs.updateOrganizationById(ids.org, { emailDomains: [] });

  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'kate')).data.sso, false);
  const sso = (await api.orgs.setUserAsSsoMemberForOrganization(ids.org, 'kate')).data;
  assert.equal(sso.id, 'kate');
  assert.equal(sso.sso, true);
  assert.equal((await api.orgs.getMemberInOrganizationById(ids.org, 'kate')).data.sso, true);
  await refused(client(tokens.bob).orgs.setUserAsSsoMemberForOrganization(ids.org, 'carol'), 403);
  await refused(api.orgs.setUserAsSsoMemberForOrganization(ids.org, 'nobody'), 404);
});

test('every answer matched its schema and every implemented GitBook operation was called', () => {
  const report = checker.mismatches.map((m) => `${m.operation} ${m.path}: ${m.problem} (value ${m.value})`);
  assert.deepEqual(checker.serverErrors, []);
  assert.deepEqual(report, [], `${report.length} schema mismatches:\n${report.join('\n')}`);
  const gitbookOps = [];
  const doc = checker.gatehouse.doc;
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      if (op.tags?.includes('GitBook')) gitbookOps.push(op.operationId);
    }
  }
  const missed = gitbookOps.filter((id) => !checker.covered.has(id));
  assert.deepEqual(missed, [], `GitBook operations never called: ${missed.join(', ')}`);
  console.log(`# ${gitbookOps.length} GitBook operations covered; ${checker.checked} bodies validated against a schema`);
});
