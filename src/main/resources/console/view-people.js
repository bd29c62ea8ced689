// Members (searched and filtered by the API), one member (their role, what they can reach and why, and the
// changes an admin makes), and teams with their members.

import { h, fill, errorBox, select, count, uid } from './dom.js';
import { describeError, inParallel } from './api.js';
import { pagedList } from './list.js';
import { href } from './router.js';
import { ROLES, roleLabel } from './resource.js';
import { originWords, stepWords } from './origin.js';
import { remember } from './known.js';
import { expiryWords } from './expiry.js';

const e = encodeURIComponent;

function badges(m) {
  const out = [];
  if (m.role === null) out.push(h('span', { class: 'gh-badge' }, 'guest'));
  if (m.disabled) out.push(h('span', { class: 'gh-badge gh-badge-warn' }, 'disabled'));
  if (m.invited) out.push(h('span', { class: 'gh-badge' }, 'invited'));
  return out;
}

function memberRole(m) {
  return m.role === null ? 'Guest' : roleLabel(m.role);
}

export function membersView(body, ctx) {
  const { api, org } = ctx;
  const searchId = uid('gh-search');
  const roleId = uid('gh-rolefilter');
  const search = h('input', { id: searchId, type: 'search', class: 'gh-input', autocomplete: 'off' });
  const role = select({ id: roleId, class: 'gh-select' },
    [['', 'Any role'], ...ROLES.map((r) => [r, roleLabel(r)]), ['guest', 'Guests']], '');
  let query = {};
  const list = pagedList({
    label: 'Members', noun: 'members', emptyText: 'No member matches.', doing: 'Could not list the members',
    fetchPage: (cursor) => api.page(`/v1/orgs/${e(org)}/members`, query, cursor, { limit: 100 }),
    renderRow: (m) => remember('user', m.id, m.user.displayName) || h('li', { class: 'gh-row gh-member' },
      h('div', { class: 'gh-who' },
        h('a', { href: href('org', org, 'members', m.id), class: 'gh-link gh-name' }, m.user.displayName),
        m.user.email && m.user.email !== m.user.displayName ? h('span', { class: 'gh-email' }, m.user.email) : null, ...badges(m)),
      h('span', { class: 'gh-role-text' }, memberRole(m)),
      h('span', { class: 'gh-muted' }, `${count(m.teams)} team${m.teams === 1 ? '' : 's'}, grants on ${count(m.spaces)} space${m.spaces === 1 ? '' : 's'}`)),
  });
  let timer = null;
  const apply = () => {
    query = { search: search.value.trim() || undefined, role: role.value || undefined };
    list.pager.cache.clear();
    list.start();
  };
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 200); });
  role.addEventListener('change', apply);
  fill(body, h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-members' },
    h('h2', { id: 'gh-h-members' }, 'Members'),
    h('div', { class: 'gh-filters' },
      h('div', { class: 'gh-field gh-grow' }, h('label', { for: searchId }, 'Search members by name or email'), search),
      h('div', { class: 'gh-field' }, h('label', { for: roleId }, 'Role filter'), role)),
    list.element));
  list.start();
}

/** The words for why a member has a permission on a resource, from an explanation's deciding step. */
function decidingStep(explanation) {
  return explanation.steps.find((s) => s.decided) || explanation.steps[explanation.steps.length - 1];
}

export function memberView(body, ctx, userId) {
  const { api, org, shareButton } = ctx;
  const base = `/v1/orgs/${e(org)}/members/${e(userId)}`;
  const head = h('div', { class: 'gh-member-head' }, h('p', { class: 'gh-muted' }, 'Loading the member…'));
  const manage = h('div', {});
  const teams = h('div', {});
  const reach = h('div', {});
  const other = h('div', {});
  fill(body, head,
    h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-manage' }, h('h2', { id: 'gh-h-manage' }, 'Membership'), manage),
    h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-teams' }, h('h2', { id: 'gh-h-teams' }, 'Teams'), teams),
    h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-reach' }, h('h2', { id: 'gh-h-reach' }, 'Spaces they can reach'), reach),
    h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-other' }, h('h2', { id: 'gh-h-other' }, 'Collections and sites they can reach'), other));

  let member = null;
  const titles = new Map();
  const nameOf = (type, id) => titles.get(`${type}:${id}`) || null;

  async function load() {
    try {
      member = await api.get(base);
    } catch (err) {
      fill(head, errorBox(describeError('Could not open this member', err)));
      return false;
    }
    drawHead();
    drawManage();
    return true;
  }

  function drawHead() {
    const u = member.user;
    fill(head, h('h2', { class: 'gh-member-name' }, u.displayName),
      h('p', { class: 'gh-who' }, u.email && u.email !== u.displayName ? h('span', { class: 'gh-email' }, u.email) : null, ' ',
        h('span', { class: 'gh-role-text' }, `Organization role: ${memberRole(member)}`), ...badges(member)));
  }

  function drawManage(message = '') {
    const name = member.user.displayName;
    const errorEl = h('div', { class: 'gh-inline-error' });
    const status = h('p', { class: 'gh-status', role: 'status' }, message);
    const roleId = uid('gh-orgrole');
    const role = select({ id: roleId, class: 'gh-select' }, [...ROLES.map((r) => [r, roleLabel(r)]), ['guest', 'Guest (no role)']],
      member.role === null ? 'guest' : member.role);
    async function change(doing, call, done) {
      errorEl.replaceChildren();
      try {
        const r = await call();
        if (r) member = r;
        drawHead();
        drawManage(done);
        return true;
      } catch (err) {
        errorEl.append(errorBox(describeError(doing, err)));
        return false;
      }
    }
    role.addEventListener('change', async () => {
      const value = role.value;
      const ok = await change(`Could not change ${name}'s role`, () => api.patch(base, { role: value === 'guest' ? null : value }),
        `${name} is now ${value === 'guest' ? 'a guest' : roleLabel(value)}.`);
      if (ok) { startReach(); manage.querySelector('select').focus(); } else role.value = member.role === null ? 'guest' : member.role;
    });
    const toggle = h('button', { type: 'button', class: 'gh-button' }, member.disabled ? `Enable ${name}` : `Disable ${name}`);
    toggle.addEventListener('click', async () => {
      const disabling = !member.disabled;
      const ok = await change(`Could not ${disabling ? 'disable' : 'enable'} ${name}`,
        () => api.patch(base, { disabled: disabling }), `${name} is ${disabling ? 'disabled' : 'enabled again'}.`);
      if (ok) { startReach(); manage.querySelectorAll('button')[0].focus(); }
    });
    const remove = h('button', { type: 'button', class: 'gh-button gh-danger' }, `Remove ${name} from the organization`);
    const confirmBox = h('div', { class: 'gh-confirm', hidden: true });
    remove.addEventListener('click', () => {
      confirmBox.hidden = false;
      const yes = h('button', { type: 'button', class: 'gh-button gh-danger' }, `Yes, remove ${name}`);
      const no = h('button', { type: 'button', class: 'gh-button' }, 'Cancel');
      fill(confirmBox, h('p', {}, `${name} loses every grant and team place in this organization.`), yes, no);
      no.addEventListener('click', () => { confirmBox.hidden = true; remove.focus(); });
      yes.addEventListener('click', async () => {
        errorEl.replaceChildren();
        try {
          await api.delete(base);
          fill(body, h('p', { class: 'gh-status', role: 'status' }, `${name} was removed from the organization.`),
            h('a', { href: href('org', org, 'members'), class: 'gh-link' }, 'Back to the members'));
        } catch (err) {
          errorEl.append(errorBox(describeError(`Could not remove ${name}`, err)));
        }
      });
      yes.focus();
    });
    fill(manage, h('div', { class: 'gh-filters' },
      h('div', { class: 'gh-field' }, h('label', { for: roleId }, 'Organization role'), role), toggle, remove),
    confirmBox, errorEl, status);
  }

  function whyButton(resource, title, explain) {
    const box = h('div', { class: 'gh-why', hidden: true });
    const b = h('button', { type: 'button', class: 'gh-button gh-small', 'aria-expanded': 'false', 'aria-label': `Why on ${title}` }, 'Why?');
    b.addEventListener('click', async () => {
      const open = b.getAttribute('aria-expanded') === 'true';
      b.setAttribute('aria-expanded', open ? 'false' : 'true');
      box.hidden = open;
      if (open) return;
      fill(box, h('p', { class: 'gh-muted' }, 'Asking Gatehouse why…'));
      try {
        const x = await explain();
        fill(box, h('ol', { class: 'gh-steps' }, x.steps.map((s) => {
          const w = stepWords(s, nameOf);
          return h('li', { class: w.decided ? 'gh-step gh-decided' : 'gh-step' }, h('span', { class: 'gh-step-where' }, w.where), ': ', w.said,
            w.decided ? h('strong', {}, ' — this decides') : null);
        })));
      } catch (err) {
        fill(box, errorBox(describeError(`Could not explain the access to ${title}`, err)));
      }
    });
    return { button: b, box };
  }

  let reachList = null;
  function startReach() {
    const filterId = uid('gh-reachfilter');
    const permId = uid('gh-reachrole');
    const filter = h('input', { id: filterId, type: 'search', class: 'gh-input', autocomplete: 'off' });
    const perm = select({ id: permId, class: 'gh-select' }, [['', 'Any permission'], ...ROLES.map((r) => [r, roleLabel(r)])], '');
    const admin = member.role === 'admin' && !member.disabled;
    const explainCache = new Map();
    const explain = (spaceId) => {
      if (!explainCache.has(spaceId)) {
        const p = api.get(`/v1/spaces/${e(spaceId)}/permissions/users/${e(userId)}/explain`);
        explainCache.set(spaceId, p);
        p.catch(() => explainCache.delete(spaceId));
      }
      return explainCache.get(spaceId);
    };
    let filterText = '';
    reachList = pagedList({
      label: 'Spaces they can reach', noun: 'spaces', emptyText: 'They reach no space.',
      doing: 'Could not list the spaces they can reach',
      fetchPage: (cursor) => api.page(`${base}/spaces`, {}, cursor, { limit: filterText || perm.value ? 1000 : 100 }),
      renderRow: (line) => {
        const s = line.space;
        titles.set(`space:${s.id}`, s.title);
        remember('space', s.id, s.title);
        const originEl = h('span', { class: 'gh-origin' }, admin ? 'organization admin' : '…');
        const why = whyButton({ type: 'space', id: s.id }, s.title, () => explain(s.id));
        const li = h('li', { class: 'gh-row gh-reach', 'data-space': s.id },
          h('div', { class: 'gh-who' }, h('span', { class: 'gh-name' }, s.title), originEl),
          h('span', { class: 'gh-role-text' }, roleLabel(line.permission)),
          h('div', { class: 'gh-actions' }, why.button, shareButton(`space:${s.id}`, s.title)), why.box);
        li.fillOrigin = async () => {
          try {
            const x = await explain(s.id);
            const step = decidingStep(x);
            if (step.team && !titles.has(`team:${step.team}`)) {
              try { titles.set(`team:${step.team}`, (await api.get(`/v1/orgs/${e(org)}/teams/${e(step.team)}`)).title); } catch { /* words without it */ }
            }
            if (step.level === 'collection' && !titles.has(`collection:${step.id}`)) {
              try { titles.set(`collection:${step.id}`, (await api.get(`/v1/collections/${e(step.id)}`)).title); } catch { /* words without it */ }
            }
            const words = originWords(step, { type: 'space', id: s.id }, nameOf).text;
            const expiry = expiryWords(step.expiresAt);
            originEl.textContent = expiry ? `${words} · ${expiry}` : words;
          } catch (err) {
            originEl.textContent = describeError('origin unknown', err);
          }
        };
        return li;
      },
      onRows: (rows) => {
        if (admin) return;
        const els = [...reachList.element.querySelectorAll('li.gh-reach')].filter((li) => li.fillOrigin);
        inParallel(els, 4, (li) => { const f = li.fillOrigin; li.fillOrigin = null; return f(); });
      },
    });
    let timer = null;
    const apply = () => {
      filterText = filter.value.trim().toLowerCase();
      const p = perm.value;
      reachList.pager.cache.clear();
      reachList.setFilter(filterText || p ? (l) => (!filterText || l.space.title.toLowerCase().includes(filterText))
        && (!p || l.permission === p) : null);
    };
    filter.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 200); });
    perm.addEventListener('change', apply);
    fill(reach, h('div', { class: 'gh-filters' },
      h('div', { class: 'gh-field gh-grow' }, h('label', { for: filterId }, 'Filter spaces by title'), filter),
      h('div', { class: 'gh-field' }, h('label', { for: permId }, 'Permission filter'), perm)),
    reachList.element);
    reachList.start();
    startOther();
  }

  async function startOther() {
    fill(other, h('p', { class: 'gh-muted' }, 'Asking Gatehouse…'));
    try {
      const resources = [];
      for (const [kind, path] of [['collection', `/v1/orgs/${e(org)}/collections`], ['site', `/v1/orgs/${e(org)}/sites`]]) {
        let cursor = null;
        do {
          const p = await api.page(path, {}, cursor, { limit: 1000 });
          p.items.forEach((o) => resources.push({ kind, id: o.id, title: o.title }));
          cursor = p.next;
        } while (cursor && resources.length < 10000);
      }
      const reached = [];
      for (let i = 0; i < resources.length; i += 1000) {
        const batch = resources.slice(i, i + 1000);
        const r = await api.post('/v1/permissions/check', {
          items: batch.map((x) => ({ user: userId, resource: { type: x.kind, id: x.id } })),
        });
        r.items.forEach((a, j) => { if (a.permission) reached.push({ ...batch[j], permission: a.permission }); });
      }
      if (!reached.length) {
        fill(other, h('p', { class: 'gh-muted' }, 'No collection or site.'));
        return;
      }
      fill(other, h('ul', { class: 'gh-rows', 'aria-label': 'Collections and sites they can reach' }, reached.map((x) => {
        const res = x.kind === 'site' ? `site:${org}/${x.id}` : `collection:${x.id}`;
        const path = x.kind === 'site' ? `/v1/orgs/${e(org)}/sites/${e(x.id)}` : `/v1/collections/${e(x.id)}`;
        titles.set(`${x.kind}:${x.id}`, x.title);
        const why = whyButton({ type: x.kind, id: x.id }, x.title, () => api.get(`${path}/permissions/users/${e(userId)}/explain`));
        return h('li', { class: 'gh-row' },
          h('div', { class: 'gh-who' }, h('span', { class: 'gh-kind' }, x.kind), ' ', h('span', { class: 'gh-name' }, x.title)),
          h('span', { class: 'gh-role-text' }, roleLabel(x.permission)),
          h('div', { class: 'gh-actions' }, why.button, shareButton(res, x.title)), why.box);
      })));
    } catch (err) {
      fill(other, errorBox(describeError('Could not work out the collections and sites they reach', err)));
    }
  }

  (async () => {
    if (!(await load())) return;
    api.page(`${base}/teams`, {}, null, { limit: 100 }).then((r) => {
      fill(teams, r.items.length ? h('ul', { class: 'gh-rows', 'aria-label': 'Their teams' }, r.items.map((t) => h('li', { class: 'gh-row' },
        h('span', { class: 'gh-name' }, t.team.title), h('span', { class: 'gh-muted' }, t.member.role))))
        : h('p', { class: 'gh-muted' }, 'In no team.'));
    }).catch((err) => fill(teams, errorBox(describeError('Could not list their teams', err))));
    startReach();
  })();
}

export function teamsView(body, ctx) {
  const { api, org } = ctx;
  const list = pagedList({
    label: 'Teams', noun: 'teams', emptyText: 'No teams.', pageSize: 50, doing: 'Could not list the teams',
    fetchPage: (cursor) => api.page(`/v1/orgs/${e(org)}/teams`, {}, cursor, { limit: 50 }),
    renderRow: (t) => {
      const members = h('div', { class: 'gh-branch', hidden: true });
      const b = h('button', { type: 'button', class: 'gh-disclosure', 'aria-expanded': 'false' },
        h('span', { class: 'gh-caret', 'aria-hidden': 'true' }), t.title);
      let loaded = false;
      b.addEventListener('click', () => {
        const open = b.getAttribute('aria-expanded') !== 'true';
        b.setAttribute('aria-expanded', open ? 'true' : 'false');
        members.hidden = !open;
        if (!open || loaded) return;
        loaded = true;
        const m = pagedList({
          label: `Members of ${t.title}`, noun: 'members', emptyText: 'No members.', pageSize: 50,
          doing: `Could not list the members of ${t.title}`,
          fetchPage: (cursor) => api.page(`/v1/orgs/${e(org)}/teams/${e(t.id)}/members`, {}, cursor, { limit: 50 }),
          renderRow: (x) => h('li', { class: 'gh-row' },
            h('a', { href: href('org', org, 'members', x.organization.id), class: 'gh-link gh-name' }, x.organization.user.displayName),
            h('span', { class: 'gh-muted' }, x.team.role)),
        });
        fill(members, m.element);
        m.start();
      });
      return h('li', { class: 'gh-node' }, h('div', { class: 'gh-node-line' }, h('span', { class: 'gh-kind' }, 'team'), b,
        h('span', { class: 'gh-muted' }, `${count(t.members)} member${t.members === 1 ? '' : 's'} · grants on ${count(t.spaces)} space${t.spaces === 1 ? '' : 's'}`)),
      members);
    },
  });
  fill(body, h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-teams' }, h('h2', { id: 'gh-h-teams' }, 'Teams'), list.element));
  list.start();
}
