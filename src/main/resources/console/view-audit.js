// The audit log as a timeline, filtered by actor, action, resource and time (the filters read on through the
// log's pages), and the webhooks with their delivery logs, failures first to the eye.

import { h, fill, errorBox, select, uid } from './dom.js';
import { describeError, inParallel } from './api.js';
import { pagedList } from './list.js';
import { roleLabel } from './resource.js';
import { known, remember } from './known.js';

const e = encodeURIComponent;

const VERBS = {
  'member.added': 'added member', 'member.role_changed': "changed the role of", 'member.disabled': 'disabled',
  'member.enabled': 'enabled', 'member.removed': 'removed member',
  'team.created': 'created team', 'team.updated': 'renamed team', 'team.deleted': 'deleted team',
  'team.member_added': 'added to a team', 'team.member_role_changed': "changed a team role of",
  'team.member_removed': 'removed from a team',
  'grant.created': 'gave access to', 'grant.updated': 'changed the access of', 'grant.removed': 'removed the access of',
  'organization.created': 'created the organization', 'organization.default_changed': 'changed the default role',
  'organization.updated': 'renamed the organization',
  'grant.expired': 'ended the expired access of', 'grant.joined_by_link': 'gave access by invite link to',
  'member.joined_by_link': 'joined by invite link:', 'member.sso_enabled': 'marked as signing in by SSO:',
  'link_invite.created': 'created an invite link', 'link_invite.updated': 'changed an invite link',
  'link_invite.deleted': 'deleted an invite link',
  'share_link.created': 'created a share link', 'share_link.updated': 'changed a share link',
  'share_link.deleted': 'deleted a share link',
  'access_request.requested': 'asked for access', 'access_request.approved': 'approved the access request of',
  'access_request.denied': 'denied the access request of', 'access_request.removed': 'dropped the access request of',
  'site.space_published': 'published', 'site.space_updated': 'changed how it publishes',
  'site.space_unpublished': 'unpublished',
};

function verb(action) {
  if (VERBS[action]) return VERBS[action];
  const [kind, what] = action.split('.');
  return `${(what || '').replace(/_/g, ' ')} ${kind.replace(/_/g, ' ')}`.trim();
}

function levelWords(v) {
  if (v === null || v === undefined) return '—';
  if (v === 'none') return 'no access';
  if (v === 'inherit') return 'inherited';
  if (v === 'guest') return 'guest';
  return roleLabel(v);
}

/** Titles of actors, subjects and resources, each read once. */
function titleCache(api, org) {
  const titles = new Map();
  const paths = {
    user: (id) => `/v1/orgs/${e(org)}/members/${e(id)}`,
    team: (id) => `/v1/orgs/${e(org)}/teams/${e(id)}`,
    collection: (id) => `/v1/collections/${e(id)}`,
    space: (id) => `/v1/spaces/${e(id)}`,
    site: (id) => `/v1/orgs/${e(org)}/sites/${e(id)}`,
  };
  return {
    of(type, id) { return titles.get(`${type}:${id}`) || known(type, id); },
    async resolve(refs) {
      const todo = refs.filter((r) => r && r.id && paths[r.type] && !titles.has(`${r.type}:${r.id}`) && !known(r.type, r.id));
      const unique = [...new Map(todo.map((r) => [`${r.type}:${r.id}`, r])).values()];
      unique.forEach((r) => titles.set(`${r.type}:${r.id}`, null));
      await inParallel(unique, 4, async (r) => {
        try {
          const o = await api.get(paths[r.type](r.id));
          const title = o.title || (o.user && o.user.displayName) || o.displayName || r.id;
          titles.set(`${r.type}:${r.id}`, title);
          remember(r.type, r.id, title);
        } catch {
          titles.set(`${r.type}:${r.id}`, null);
        }
      });
    },
  };
}

function localInput(value) {
  return value ? new Date(value).getTime() : null;
}

export function auditView(body, ctx) {
  const { api, org } = ctx;
  const names = titleCache(api, org);
  const ids = { actor: uid('gh-actor'), action: uid('gh-action'), resource: uid('gh-res'), from: uid('gh-from'), to: uid('gh-to'), start: uid('gh-start') };
  const actor = h('input', { id: ids.actor, type: 'search', class: 'gh-input', autocomplete: 'off' });
  const action = h('input', { id: ids.action, type: 'search', class: 'gh-input', autocomplete: 'off', list: `${ids.action}-list` });
  const actionList = h('datalist', { id: `${ids.action}-list` }, Object.keys(VERBS).map((a) => h('option', { value: a })));
  const resource = h('input', { id: ids.resource, type: 'search', class: 'gh-input', autocomplete: 'off' });
  const from = h('input', { id: ids.from, type: 'datetime-local', class: 'gh-input' });
  const to = h('input', { id: ids.to, type: 'datetime-local', class: 'gh-input' });
  const start = select({ id: ids.start, class: 'gh-select' }, [['recent', 'The last 1,000 revisions'], ['all', 'The whole log, oldest first']], 'recent');
  let after = null;

  const label = (ref) => {
    if (!ref) return '';
    if (ref.type === 'system') return 'the system token';
    const t = names.of(ref.type, ref.id);
    return t ? `${ref.type === 'user' ? '' : `${ref.type} `}${t}` : `${ref.type} ${ref.id}`;
  };
  let filters = {};
  const filter = (x) => {
    const f = filters;
    if (f.actor) {
      const a = x.actor;
      const words = `${a.type} ${a.id || ''} ${names.of('user', a.id) || ''}${a.type === 'system' ? ' system token' : ''}`.toLowerCase();
      if (!words.includes(f.actor)) return false;
    }
    if (f.action && !x.action.toLowerCase().includes(f.action) && !verb(x.action).includes(f.action)) return false;
    if (f.resource) {
      const r = [x.resource, x.subject].filter(Boolean)
        .some((ref) => `${ref.type} ${ref.id} ${names.of(ref.type, ref.id) || ''}`.toLowerCase().includes(f.resource));
      if (!r) return false;
    }
    const at = Date.parse(x.at);
    if (f.from && at < f.from) return false;
    if (f.to && at > f.to) return false;
    return true;
  };

  function entryRow(x) {
    const who = h('span', { class: 'gh-name' });
    const what = h('span', {});
    const draw = () => {
      // The sweep that removes expired grants acts as the system too; it is not someone holding the system token.
      const system = x.action === 'grant.expired' ? 'Gatehouse' : 'The system token';
      who.textContent = x.actor.type === 'system' ? system : (names.of('user', x.actor.id) || x.actor.id);
      const parts = [verb(x.action)];
      // "Carol Reader asked for access on space Onboarding", not "... asked for access Carol Reader ...".
      const self = x.subject && x.subject.type === 'user' && x.actor.type === 'user' && x.subject.id === x.actor.id;
      if (x.subject && !self && x.subject.type !== 'share-link' && x.subject.type !== 'link-invite') parts.push(label(x.subject));
      if (x.resource && x.resource.type !== 'organization') parts.push(`on ${label(x.resource)}`);
      what.textContent = ` ${parts.join(' ')}`;
    };
    draw();
    const li = h('li', { class: 'gh-row gh-entry', 'data-action': x.action },
      h('time', { datetime: x.at, class: 'gh-time' }, new Date(x.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })),
      h('div', { class: 'gh-who' }, who, what,
        (x.before !== null || x.after !== null) ? h('span', { class: 'gh-change' }, ` (${levelWords(x.before)} → ${levelWords(x.after)})`) : null),
      h('span', { class: 'gh-kind' }, x.action), h('span', { class: 'gh-muted' }, `revision ${x.revision}`));
    li.redraw = draw;
    return li;
  }

  const list = pagedList({
    label: 'Audit log', noun: 'entries', one: 'entry', emptyText: 'No entry matches.', pageSize: 100,
    doing: 'Could not read the audit log',
    fetchPage: async (cursor) => {
      const p = await api.page(`/v1/orgs/${e(org)}/audit-log`, {}, cursor || after, { cursorParam: 'after', limit: Object.keys(filters).length ? 1000 : 100 });
      const refs = [];
      p.items.forEach((x) => {
        if (x.actor && x.actor.type === 'user') refs.push({ type: 'user', id: x.actor.id });
        if (x.subject) refs.push(x.subject);
        if (x.resource) refs.push(x.resource);
      });
      await names.resolve(refs.slice(0, 400));
      return p;
    },
    renderRow: entryRow,
  });

  async function begin() {
    after = null;
    if (start.value === 'recent') {
      try {
        const r = await fetch('/readyz', { cache: 'no-store' }).then((x) => x.json());
        const revision = Number(r.revision) || 0;
        after = revision > 1000 ? String(revision - 1000) : null;
      } catch {
        after = null;
      }
    }
    list.pager.cache.clear();
    list.start();
  }

  let timer = null;
  const apply = () => {
    const f = {};
    if (actor.value.trim()) f.actor = actor.value.trim().toLowerCase();
    if (action.value.trim()) f.action = action.value.trim().toLowerCase();
    if (resource.value.trim()) f.resource = resource.value.trim().toLowerCase();
    if (from.value) f.from = localInput(from.value);
    if (to.value) f.to = localInput(to.value);
    filters = f;
    list.pager.cache.clear();
    list.setFilter(Object.keys(f).length ? filter : null);
  };
  for (const input of [actor, action, resource]) input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 250); });
  for (const input of [from, to]) input.addEventListener('change', apply);
  start.addEventListener('change', begin);

  fill(body, h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-audit' },
    h('h2', { id: 'gh-h-audit' }, 'Audit log'),
    h('p', { class: 'gh-muted' }, 'Every change to the organization, oldest first, as GET /v1/orgs/{org}/audit-log answers it.'),
    h('div', { class: 'gh-filters' },
      h('div', { class: 'gh-field' }, h('label', { for: ids.start }, 'Entries'), start),
      h('div', { class: 'gh-field' }, h('label', { for: ids.actor }, 'Actor'), actor),
      h('div', { class: 'gh-field' }, h('label', { for: ids.action }, 'Action'), action, actionList),
      h('div', { class: 'gh-field' }, h('label', { for: ids.resource }, 'Resource or subject'), resource),
      h('div', { class: 'gh-field' }, h('label', { for: ids.from }, 'From'), from),
      h('div', { class: 'gh-field' }, h('label', { for: ids.to }, 'To'), to)),
    list.element));
  begin();
}

export function webhooksView(body, ctx) {
  const { api, org } = ctx;
  const base = `/v1/orgs/${e(org)}/webhooks`;
  const listEl = h('div', {});
  const ids = { url: uid('gh-url'), secret: uid('gh-secret'), events: uid('gh-events') };
  const url = h('input', { id: ids.url, type: 'url', class: 'gh-input', autocomplete: 'off', placeholder: 'https://hooks.example.com/gatehouse' });
  const secret = h('input', { id: ids.secret, type: 'password', class: 'gh-input', autocomplete: 'off', 'aria-describedby': `${ids.secret}-hint` });
  const events = h('input', { id: ids.events, type: 'text', class: 'gh-input', autocomplete: 'off', placeholder: 'grant.*, member.removed' });
  const errorEl = h('div', { class: 'gh-inline-error' });
  const status = h('p', { class: 'gh-status', 'aria-live': 'polite' });
  const add = h('button', { type: 'submit', class: 'gh-button gh-primary' }, 'Add webhook');
  const form = h('form', {
    class: 'gh-card', novalidate: true,
    onsubmit: async (ev) => {
      ev.preventDefault();
      errorEl.replaceChildren();
      status.textContent = '';
      add.disabled = true;
      try {
        const list = events.value.split(',').map((s) => s.trim()).filter(Boolean);
        await api.post(base, { url: url.value.trim(), secret: secret.value, events: list });
        status.textContent = `Added a webhook to ${url.value.trim()}.`;
        url.value = '';
        secret.value = '';
        events.value = '';
        load();
      } catch (err) {
        errorEl.append(errorBox(describeError('Could not add the webhook', err)));
      } finally {
        add.disabled = false;
      }
    },
  },
  h('h3', {}, 'Add a webhook'),
  h('div', { class: 'gh-filters' },
    h('div', { class: 'gh-field gh-grow' }, h('label', { for: ids.url }, 'URL'), url),
    h('div', { class: 'gh-field' }, h('label', { for: ids.secret }, 'Signing secret'), secret),
    h('div', { class: 'gh-field' }, h('label', { for: ids.events }, 'Events (empty: all)'), events)),
  h('p', { id: `${ids.secret}-hint`, class: 'gh-hint' }, '16 to 256 characters; each delivery is signed with it. It is never shown again.'),
  errorEl, add, status);

  function deliveryRow(d) {
    const failed = !d.delivered;
    return h('li', { class: failed ? 'gh-row gh-delivery gh-failed' : 'gh-row gh-delivery' },
      h('span', { class: failed ? 'gh-badge gh-badge-warn' : 'gh-badge gh-badge-ok' }, failed ? 'failed' : 'delivered'),
      h('time', { datetime: d.at, class: 'gh-time' }, new Date(d.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })),
      h('span', { class: 'gh-kind' }, d.action),
      h('span', {}, `attempt ${d.attempt}`),
      h('span', {}, d.status === null ? 'no answer' : `HTTP ${d.status}`),
      d.error ? h('span', { class: 'gh-error-text' }, d.error) : null,
      h('span', { class: 'gh-muted' }, `${d.durationMs} ms`));
  }

  async function load() {
    fill(listEl, h('p', { class: 'gh-muted' }, 'Loading webhooks…'));
    try {
      const r = await api.get(base, { limit: 100 });
      if (!r.items.length) {
        fill(listEl, h('p', { class: 'gh-muted' }, 'No webhooks.'));
        return;
      }
      fill(listEl, h('ul', { class: 'gh-rows', 'aria-label': 'Webhooks' }, r.items.map((w) => {
        const errorW = h('div', { class: 'gh-inline-error' });
        const remove = h('button', { type: 'button', class: 'gh-button gh-small gh-danger', 'aria-label': `Remove webhook ${w.url}` }, 'Remove');
        remove.addEventListener('click', async () => {
          try {
            await api.delete(`${base}/${e(w.id)}`);
            load();
          } catch (err) {
            fill(errorW, errorBox(describeError('Could not remove the webhook', err)));
          }
        });
        let failedOnly = false;
        const onlyFailed = h('input', { type: 'checkbox', id: `${w.id}-failed` });
        const deliveries = pagedList({
          label: `Deliveries to ${w.url}`, noun: 'deliveries', one: 'delivery', emptyText: 'Nothing delivered yet.', pageSize: 50,
          doing: 'Could not read the delivery log',
          fetchPage: (cursor) => api.page(`${base}/${e(w.id)}/deliveries`, {}, cursor, { cursorParam: 'after', limit: failedOnly ? 1000 : 50 }),
          renderRow: deliveryRow,
        });
        onlyFailed.addEventListener('change', () => {
          failedOnly = onlyFailed.checked;
          deliveries.pager.cache.clear();
          deliveries.setFilter(failedOnly ? (d) => !d.delivered : null);
        });
        const refresh = h('button', { type: 'button', class: 'gh-button gh-small', 'aria-label': `Refresh the delivery log of ${w.url}` }, 'Refresh');
        refresh.addEventListener('click', () => deliveries.reload());
        const li = h('li', { class: 'gh-webhook' },
          h('div', { class: 'gh-node-line' }, h('span', { class: 'gh-name' }, w.url),
            h('span', { class: 'gh-muted' }, w.events.length ? `events: ${w.events.join(', ')}` : 'every event'), remove),
          errorW,
          h('div', { class: 'gh-check' }, onlyFailed, h('label', { for: `${w.id}-failed` }, 'Failures only'), refresh),
          h('h4', {}, 'Delivery log'), deliveries.element);
        deliveries.start();
        return li;
      })));
    } catch (err) {
      fill(listEl, errorBox(describeError('Could not list the webhooks', err)));
    }
  }

  fill(body, h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-hooks' }, h('h2', { id: 'gh-h-hooks' }, 'Webhooks'), listEl, form));
  load();
}
