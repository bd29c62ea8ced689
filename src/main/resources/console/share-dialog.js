// The share dialog: who has access to a collection, space, page or site and where it comes from, the teams
// with access, general access, and adding people or teams. Every change is one call of the /v1 API, and the
// dialog then reads again what changed, so that what it shows is what the API answers.
//
// The dialog is made of sections, in order; each is {id, order, render(ctx) => {element, start?, refresh?}}.
// The other ways of sharing (invite links, share links, access requests) register with registerShareSection().

import { h, fill, uid, select, count } from './dom.js';
import { describeError, inParallel } from './api.js';
import { ROLES, roleLabel, resourcePath, permissionsPath, explainPath } from './resource.js';
import { originWords, siteOriginWords, stepWords, isDirect, namesIn } from './origin.js';
import { pagedList } from './list.js';
import { remember } from './known.js';
import { expiryFromField, expiryWords, fieldBounds } from './expiry.js';

const sections = [];

/** Adds a section to every share dialog opened from now on: {id, order, render(ctx)}; order 10 is the add form. */
export function registerShareSection(section) {
  sections.push(section);
  sections.sort((a, b) => a.order - b.order);
}

const TYPE_WORDS = { collection: 'Collection', space: 'Space', page: 'Page', site: 'Site' };
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

function roleChoices() {
  return ROLES.map((r) => [r, roleLabel(r)]);
}

function initials(name) {
  const parts = String(name || '?').trim().split(/\s+/).filter(Boolean);
  return ((parts[0] || '?')[0] + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}

/** Titles of the objects origins and steps name, read once each from the API. */
class Names {
  constructor(api, resource) {
    this.api = api;
    this.resource = resource;
    this.org = resource.org || null;
    this.titles = new Map();
    this.pending = new Map();
    this.listeners = new Set();
  }

  of(type, id) {
    return this.titles.get(`${type}:${id}`) || null;
  }

  set(type, id, title) {
    this.titles.set(`${type}:${id}`, title);
  }

  onChange(f) {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  path(type, id) {
    const e = encodeURIComponent;
    switch (type) {
      case 'collection': return `/v1/collections/${e(id)}`;
      case 'space': return `/v1/spaces/${e(id)}`;
      case 'page': {
        const space = this.resource.type === 'page' ? this.resource.space : this.resource.id;
        return `/v1/spaces/${e(space)}/pages/${e(id)}`;
      }
      case 'site': return this.org ? `/v1/orgs/${e(this.org)}/sites/${e(id)}` : null;
      case 'team': return this.org ? `/v1/orgs/${e(this.org)}/teams/${e(id)}` : null;
      default: return null;
    }
  }

  /** Reads the titles of {type, id} pairs not known yet; listeners hear once they are in. */
  async resolve(refs) {
    const missing = [];
    for (const { type, id } of refs) {
      const key = `${type}:${id}`;
      if (!this.titles.has(key) && !this.pending.has(key) && this.path(type, id)) missing.push({ type, id, key });
    }
    if (!missing.length) return;
    const done = inParallel(missing, 4, async ({ type, id, key }) => {
      try {
        const o = await this.api.get(this.path(type, id));
        this.titles.set(key, o.title || o.displayName || id);
      } catch {
        // Not visible to the caller (or gone): the words say "a collection" rather than guess.
      } finally {
        this.pending.delete(key);
      }
    });
    for (const m of missing) this.pending.set(m.key, done);
    await done;
    this.listeners.forEach((f) => f());
  }
}

export class ShareDialog {
  /**
   * @param api         a client from createApi()
   * @param resource    {type, id, space?, org?} (see parseResource)
   * @param root        where the dialog element goes (a shadow root or an element)
   * @param returnFocus the element focus returns to when the dialog closes
   * @param onChange    called after each change the API accepted: ({method, path})
   * @param onClose     called once the dialog is closed
   */
  constructor({ api, resource, root, returnFocus = null, onChange = () => {}, onClose = () => {} }) {
    this.api = api;
    this.resource = resource;
    this.root = root;
    this.returnFocus = returnFocus;
    this.onChange = onChange;
    this.onClose = onClose;
    this.names = new Names(api, resource);
    this.parts = [];
  }

  async open() {
    const titleId = uid('gh-share-title');
    this.heading = h('h2', { id: titleId, class: 'gh-dialog-title' }, 'Share');
    this.subtitle = h('p', { class: 'gh-muted gh-dialog-sub' }, 'Loading…');
    this.body = h('div', { class: 'gh-dialog-body' });
    const close = h('button', { type: 'button', class: 'gh-button gh-close', onclick: () => this.close() }, 'Close');
    this.dialog = h('dialog', { class: 'gh-dialog', 'aria-labelledby': titleId },
      h('div', { class: 'gh-dialog-head' }, this.heading, close), this.subtitle, this.body);
    this.dialog.addEventListener('keydown', (e) => this.trapFocus(e));
    this.dialog.addEventListener('close', () => this.closed());
    this.root.append(this.dialog);
    this.dialog.showModal();
    close.focus();
    try {
      await this.loadInfo();
    } catch (e) {
      this.heading.textContent = 'Share';
      this.subtitle.textContent = '';
      fill(this.body, h('p', { class: 'gh-error', role: 'alert' }, describeError('Could not open this resource', e)));
      return;
    }
    this.heading.textContent = `Share ${this.info.title}`;
    this.dialog.setAttribute('aria-label', `Share ${this.info.title}`);
    this.render();
    const first = this.body.querySelector('input:not([disabled]), select:not([disabled])');
    if (first) first.focus();
  }

  close() {
    if (this.dialog && this.dialog.open) this.dialog.close();
  }

  closed() {
    this.dialog.remove();
    if (this.returnFocus && this.returnFocus.isConnected) this.returnFocus.focus();
    this.onClose();
  }

  /** Tab and Shift+Tab go round the dialog's controls, never out of it. */
  trapFocus(e) {
    if (e.key !== 'Tab') return;
    const focusable = [...this.dialog.querySelectorAll('button, select, input, textarea, a[href], [tabindex="0"]')]
      .filter((el) => !el.disabled && !el.closest('[hidden]') && el.getClientRects().length);
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.root.activeElement || document.activeElement;
    if (e.shiftKey && (active === first || !this.dialog.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !this.dialog.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }

  async loadInfo() {
    const r = this.resource;
    const o = await this.api.get(resourcePath(r));
    let org = r.org || o.organization || null;
    if (!org && r.type === 'page') {
      const space = await this.api.get(`/v1/spaces/${encodeURIComponent(r.space)}`);
      org = space.organization;
      this.names.set('space', space.id, space.title);
    }
    this.names.org = org;
    this.info = {
      title: o.title, org, defaultLevel: o.defaultLevel === undefined ? 'inherit' : o.defaultLevel,
      admin: Boolean(o.permissions && o.permissions.admin), object: o,
    };
    this.names.set(r.type, r.id, o.title);
    remember(r.type, r.id, o.title);
    this.subtitle.textContent = `${TYPE_WORDS[r.type]} · ${this.info.admin
      ? 'you can change who has access' : 'you can see who has access; changing it needs admin here'}`;
  }

  /** What sections are given: the API, the resource, its state, and how to say a change happened. */
  context() {
    return {
      api: this.api, resource: this.resource, info: this.info, names: this.names,
      changed: (what) => this.changed(what),
    };
  }

  render() {
    const ctx = this.context();
    this.parts = [];
    const all = [...BUILT_IN, ...sections].sort((a, b) => a.order - b.order);
    fill(this.body, all.map((s) => {
      const part = s.render(ctx);
      this.parts.push(part);
      return part.element;
    }));
    this.parts.forEach((p) => p.start && p.start());
  }

  /** After a change: every section reads its state again (the aggregate, the teams, the default level). */
  async changed(what) {
    this.onChange(what);
    try {
      const o = await this.api.get(resourcePath(this.resource));
      this.info.defaultLevel = o.defaultLevel === undefined ? 'inherit' : o.defaultLevel;
      this.info.object = o;
    } catch {
      // The sections say what failed when they read again.
    }
    this.parts.forEach((p) => p.refresh && p.refresh(what));
  }
}

function section(title, ...content) {
  const id = uid('gh-section');
  return h('section', { class: 'gh-section', 'aria-labelledby': id }, h('h3', { id }, title), ...content);
}

/**
 * Runs the one API call of a change made with {@code control}, saying its error next to it. The control is
 * marked busy rather than disabled, so that it keeps the focus, and a second change waits for the first.
 */
async function act(control, errorEl, doing, call) {
  if (control.dataset.busy) return false;
  errorEl.replaceChildren();
  control.dataset.busy = 'true';
  control.setAttribute('aria-disabled', 'true');
  try {
    await call();
    return true;
  } catch (e) {
    errorEl.append(h('p', { class: 'gh-error', role: 'alert' }, describeError(doing, e)));
    return false;
  } finally {
    delete control.dataset.busy;
    control.removeAttribute('aria-disabled');
  }
}

// ------------------------------------------------------------------------------------------ add people

const addSection = {
  id: 'add',
  order: 10,
  render(ctx) {
    const { api, resource, info } = ctx;
    const inputId = uid('gh-add');
    const listId = uid('gh-suggest');
    const roleId = uid('gh-role');
    const hintId = uid('gh-hint');
    let suggestions = [];
    let active = -1;
    let picked = null;
    let timer = null;
    let searchSeq = 0;

    const input = h('input', {
      id: inputId, type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': listId, autocomplete: 'off', spellcheck: 'false', class: 'gh-input', 'aria-describedby': hintId,
      disabled: !info.admin,
    });
    const list = h('ul', { id: listId, role: 'listbox', class: 'gh-suggestions', 'aria-label': 'Suggestions', hidden: true });
    const searchError = h('div', { class: 'gh-inline-error' });
    const role = select({ id: roleId, class: 'gh-select', disabled: !info.admin }, roleChoices(), 'read');
    const untilId = uid('gh-until');
    const until = h('input', { id: untilId, type: 'datetime-local', class: 'gh-input', disabled: !info.admin });
    // The field's bounds follow the clock: set when it is first used, not when the dialog opened.
    until.addEventListener('focus', () => Object.assign(until, fieldBounds()));
    const invite = h('button', { type: 'submit', class: 'gh-button gh-primary', disabled: !info.admin }, 'Invite');
    const errorEl = h('div', { class: 'gh-inline-error' });
    const done = h('p', { class: 'gh-status', 'aria-live': 'polite' });

    function showList(open) {
      list.hidden = !open;
      input.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (!open) {
        active = -1;
        input.removeAttribute('aria-activedescendant');
      }
    }

    function mark(i) {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
      if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id);
      else input.removeAttribute('aria-activedescendant');
    }

    function choose(i) {
      const s = suggestions[i];
      if (!s) return;
      picked = s;
      input.value = s.label;
      showList(false);
      input.focus();
    }

    async function search() {
      const text = input.value.trim();
      const seq = ++searchSeq;
      searchError.replaceChildren();
      if (text.length < 1 || !info.org) {
        suggestions = [];
        showList(false);
        return;
      }
      const org = encodeURIComponent(info.org);
      const found = [];
      const failures = [];
      await Promise.all([
        api.get(`/v1/orgs/${org}/members`, { search: text, limit: 8 }).then((r) => {
          for (const m of r.items) {
            found.push({ type: 'user', id: m.id, label: m.user.displayName, detail: m.user.email || '' });
          }
        }).catch((e) => failures.push(describeError('Could not search members', e))),
        api.get(`/v1/orgs/${org}/teams`, { title: text, limit: 5 }).then((r) => {
          for (const t of r.items) found.push({ type: 'team', id: t.id, label: t.title, detail: `team · ${t.members} member${t.members === 1 ? '' : 's'}` });
        }).catch((e) => failures.push(describeError('Could not search teams', e))),
      ]);
      if (seq !== searchSeq) return;
      suggestions = found;
      fill(list, found.map((s, i) => h('li', {
        id: `${listId}-${i}`, role: 'option', class: 'gh-option', 'aria-selected': 'false',
        onmousedown: (e) => { e.preventDefault(); choose(i); },
      }, h('span', { class: 'gh-option-label' }, s.label), ' ', h('span', { class: 'gh-muted' }, s.detail))));
      showList(found.length > 0);
      failures.forEach((f) => searchError.append(h('p', { class: 'gh-error', role: 'alert' }, f)));
    }

    input.addEventListener('input', () => {
      picked = null;
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener('keydown', (e) => {
      if (list.hidden) {
        if (e.key === 'ArrowDown' && suggestions.length) { e.preventDefault(); showList(true); mark(0); }
        return;
      }
      if (e.key === 'ArrowDown') { e.preventDefault(); mark(Math.min(active + 1, suggestions.length - 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); showList(false); }
    });
    input.addEventListener('blur', () => setTimeout(() => showList(false), 100));

    const form = h('form', {
      class: 'gh-add', novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        done.textContent = '';
        const text = input.value.trim();
        let users = [];
        let teams = [];
        let who = text;
        if (picked && picked.label === input.value) {
          if (picked.type === 'team') teams = [picked.id]; else users = [picked.id];
          who = picked.type === 'team' ? `team ${picked.label}` : picked.label;
        } else {
          const parts = text.split(/[\s,;]+/).filter(Boolean);
          if (!parts.length || !parts.every((p) => EMAIL.test(p))) {
            fill(errorEl, h('p', { class: 'gh-error', role: 'alert' },
              text ? `'${text}' is not an email: type an email, or pick a person or team from the suggestions.`
                : 'Type an email or a name first.'));
            input.focus();
            return;
          }
          users = parts;
        }
        const asked = expiryFromField(until.value);
        if (asked.error) {
          fill(errorEl, h('p', { class: 'gh-error', role: 'alert' }, `Could not invite ${who}: ${asked.error}.`));
          until.focus();
          return;
        }
        const body = { role: role.value, users, teams };
        if (asked.expiresAt) body.expiresAt = asked.expiresAt;
        const ok = await act(invite, errorEl, `Could not invite ${who}`, () => api.post(`${permissionsPath(resource)}`, body));
        if (ok) {
          const expiry = expiryWords(asked.expiresAt);
          done.textContent = `Invited ${who} with ${roleLabel(role.value)}${expiry ? `; access ${expiry}` : ''}.`;
          input.value = '';
          until.value = '';
          picked = null;
          ctx.changed({ method: 'POST', path: permissionsPath(resource) });
          input.focus();
        } else {
          input.focus();
        }
      },
    },
    h('div', { class: 'gh-add-row' },
      h('div', { class: 'gh-field gh-grow' }, h('label', { for: inputId }, 'Email or name'), input, list),
      h('div', { class: 'gh-field' }, h('label', { for: roleId }, 'Role'), role),
      h('div', { class: 'gh-field' }, h('label', { for: untilId }, 'Expires (optional)'), until),
      h('div', { class: 'gh-field gh-submit' }, invite)),
    h('p', { id: hintId, class: 'gh-hint' },
      'Someone outside the organization, invited by email, joins it as a guest with access here only.'),
    searchError, errorEl, done);
    return { element: section('Add people or teams', form) };
  },
};

// ------------------------------------------------------------------------------------------ people

function explanationView(ctx, user, container, button) {
  const { api, resource, names } = ctx;
  const render = (e) => {
    const steps = e.steps.map((s) => {
      const w = stepWords(s, (t, id) => names.of(t, id));
      return s.expiresAt ? { ...w, said: `${w.said} (${expiryWords(s.expiresAt)})` } : w;
    });
    fill(container,
      h('p', { class: 'gh-why-summary' }, `${user.displayName}: ${roleLabel(e.permission)}. Each level Gatehouse looked at, nearest first:`),
      h('ol', { class: 'gh-steps' }, steps.map((s) => h('li', { class: s.decided ? 'gh-step gh-decided' : 'gh-step' },
        h('span', { class: 'gh-step-where' }, s.where), ': ', s.said, s.decided ? h('strong', {}, ' — this decides') : null))));
  };
  return async () => {
    const open = button.getAttribute('aria-expanded') === 'true';
    if (open) {
      button.setAttribute('aria-expanded', 'false');
      container.hidden = true;
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    container.hidden = false;
    fill(container, h('p', { class: 'gh-muted' }, 'Asking Gatehouse why…'));
    try {
      const e = await api.get(explainPath(resource, user.id));
      render(e);
      const refs = [];
      for (const s of e.steps) {
        if (s.team) refs.push({ type: 'team', id: s.team });
        if (s.id && s.level !== 'organization') refs.push({ type: s.level === 'site-level' ? 'site' : s.level, id: s.id });
      }
      await names.resolve(refs);
      render(e);
    } catch (err) {
      fill(container, h('p', { class: 'gh-error', role: 'alert' }, describeError(`Could not explain ${user.displayName}'s access`, err)));
    }
  };
}

const peopleSection = {
  id: 'people',
  order: 20,
  render(ctx) {
    const { api, resource, info, names } = ctx;
    const site = resource.type === 'site';
    const aggregate = `${permissionsPath(resource)}/aggregate`;
    let filterText = '';
    let list = null;
    // Titles arriving later (a team's, a collection's) update the origins of the rows on screen only.
    names.onChange(() => list && list.element.querySelectorAll('li.gh-person').forEach((li) => li.refreshOrigin()));

    function row(line) {
      const user = line.user;
      remember('user', user.id, user.displayName);
      const nameOf = (t, id) => names.of(t, id);
      const words = () => (site ? siteOriginWords(line.origin, nameOf) : originWords(line.origin, resource, nameOf));
      const originEl = h('span', { class: 'gh-origin' });
      // With ?explain=true the expiry is on the origin (the step that decided); a site's entries carry it themselves.
      const expiresAt = line.expiresAt || (line.origin && line.origin.expiresAt) || null;
      const expiry = expiryWords(expiresAt);
      const setOrigin = () => {
        const w = words();
        originEl.textContent = expiry ? `${w.text} · ${expiry}` : w.text;
        originEl.dataset.kind = w.kind;
      };
      setOrigin();
      const errorEl = h('div', { class: 'gh-inline-error' });
      const whyEl = h('div', { class: 'gh-why', hidden: true });
      const why = h('button', {
        type: 'button', class: 'gh-button gh-small', 'aria-expanded': 'false', 'aria-label': `Why ${user.displayName} has access`,
        'data-key': `why:${user.id}`,
      }, 'Why?');
      why.addEventListener('click', explanationView(ctx, user, whyEl, why));
      const direct = isDirect(line.origin, resource);
      const admin = !site && line.origin && line.origin.rule === 'admin';
      let roleControl;
      if (admin || !info.admin) {
        roleControl = h('span', { class: 'gh-role-text' }, roleLabel(line.permission));
      } else {
        roleControl = select({ class: 'gh-select gh-small', 'aria-label': `Role for ${user.displayName}`, 'data-key': `role:${user.id}` },
          roleChoices(), line.permission);
        roleControl.addEventListener('change', async () => {
          const path = `${permissionsPath(resource)}/users/${encodeURIComponent(user.id)}`;
          // A grant given again replaces the old one whole: a direct grant that expires keeps its expiry.
          const body = { role: roleControl.value };
          if (direct && expiresAt) body.expiresAt = expiresAt;
          const ok = await act(roleControl, errorEl, `Could not change ${user.displayName}'s role`,
            () => api.patch(path, body));
          if (ok) ctx.changed({ method: 'PATCH', path });
          else roleControl.value = line.permission;
        });
      }
      const actions = [roleControl, why];
      if (direct && info.admin) {
        const remove = h('button', { type: 'button', class: 'gh-button gh-small gh-danger', 'aria-label': `Remove ${user.displayName}` }, 'Remove');
        remove.addEventListener('click', async () => {
          const path = `${permissionsPath(resource)}/users/${encodeURIComponent(user.id)}`;
          const ok = await act(remove, errorEl, `Could not remove ${user.displayName}`, () => api.delete(path));
          if (ok) ctx.changed({ method: 'DELETE', path });
        });
        actions.push(remove);
      }
      const namesLine = [h('span', { class: 'gh-name' }, user.displayName)];
      if (user.email && user.email !== user.displayName) namesLine.push(h('span', { class: 'gh-email' }, user.email));
      if (line.disabled) namesLine.push(h('span', { class: 'gh-badge' }, 'disabled'));
      const li = h('li', { class: 'gh-row gh-person', 'data-user': user.id },
        h('span', { class: 'gh-avatar', 'aria-hidden': 'true' }, initials(user.displayName)),
        h('div', { class: 'gh-who' }, ...namesLine, originEl),
        h('div', { class: 'gh-actions' }, actions),
        errorEl, whyEl);
      li.refreshOrigin = setOrigin;
      return li;
    }

    list = pagedList({
      label: 'People with access', noun: 'people', one: 'person', emptyText: 'Nobody has access.',
      doing: 'Could not list who has access',
      fetchPage: (cursor) => api.page(aggregate, site ? {} : { explain: true }, cursor, { limit: filterText ? 1000 : 100 }),
      renderRow: row,
      onRows: (rows) => {
        const refs = rows.flatMap((l) => namesIn(l.origin, resource));
        names.resolve(refs);
      },
    });
    const filterId = uid('gh-filter');
    const filter = h('input', { id: filterId, type: 'search', class: 'gh-input', autocomplete: 'off' });
    let timer = null;
    filter.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        filterText = filter.value.trim().toLowerCase();
        list.pager.cache.clear();
        list.setFilter(filterText ? (l) => `${l.user.displayName} ${l.user.email || ''}`.toLowerCase().includes(filterText) : null);
      }, 200);
    });
    const element = section('People with access',
      h('div', { class: 'gh-field gh-filter' }, h('label', { for: filterId }, 'Filter people by name or email'), filter),
      list.element);
    return {
      element,
      start: () => list.start(),
      refresh: () => list.reload(),
    };
  },
};

// ------------------------------------------------------------------------------------------ teams

const teamsSection = {
  id: 'teams',
  order: 30,
  render(ctx) {
    const { api, resource, info } = ctx;
    function row(g) {
      const team = g.team;
      remember('team', team.id, team.title);
      const errorEl = h('div', { class: 'gh-inline-error' });
      const path = `${permissionsPath(resource)}/teams/${encodeURIComponent(team.id)}`;
      const actions = [];
      if (info.admin) {
        const roleControl = select({ class: 'gh-select gh-small', 'aria-label': `Role for team ${team.title}`, 'data-key': `team:${team.id}` },
          roleChoices(), g.permission);
        roleControl.addEventListener('change', async () => {
          const body = { role: roleControl.value };
          if (g.expiresAt) body.expiresAt = g.expiresAt;
          const ok = await act(roleControl, errorEl, `Could not change team ${team.title}'s role`,
            () => api.patch(path, body));
          if (ok) ctx.changed({ method: 'PATCH', path });
          else roleControl.value = g.permission;
        });
        const remove = h('button', { type: 'button', class: 'gh-button gh-small gh-danger', 'aria-label': `Remove ${team.title}` }, 'Remove');
        remove.addEventListener('click', async () => {
          const ok = await act(remove, errorEl, `Could not remove team ${team.title}`, () => api.delete(path));
          if (ok) ctx.changed({ method: 'DELETE', path });
        });
        actions.push(roleControl, remove);
      } else {
        actions.push(h('span', { class: 'gh-role-text' }, roleLabel(g.permission)));
      }
      return h('li', { class: 'gh-row gh-team', 'data-team': team.id },
        h('span', { class: 'gh-avatar gh-team-avatar', 'aria-hidden': 'true' }, initials(team.title)),
        h('div', { class: 'gh-who' }, h('span', { class: 'gh-name' }, team.title),
          h('span', { class: 'gh-email' }, `${count(team.members)} member${team.members === 1 ? '' : 's'}`),
          g.expiresAt ? h('span', { class: 'gh-origin' }, expiryWords(g.expiresAt)) : null),
        h('div', { class: 'gh-actions' }, actions), errorEl);
    }
    const list = pagedList({
      label: 'Teams with access', noun: 'teams', one: 'team', emptyText: 'No team has a grant here.', pageSize: 50,
      doing: 'Could not list the teams with access',
      fetchPage: (cursor) => api.page(`${permissionsPath(resource)}/teams`, {}, cursor, { limit: 50 }),
      renderRow: row,
    });
    return {
      element: section('Teams with access', list.element),
      start: () => list.start(),
      refresh: () => list.reload(),
    };
  },
};

// ------------------------------------------------------------------------------------------ general access

function parentWords(ctx) {
  const { resource, info, names } = ctx;
  const o = info.object;
  if (resource.type === 'page') {
    if (o.parent) return { ref: { type: 'page', id: o.parent }, word: 'the parent page' };
    return { ref: { type: 'space', id: resource.space }, word: 'the space' };
  }
  if ((resource.type === 'space' || resource.type === 'collection') && o.parent) {
    return { ref: { type: 'collection', id: o.parent }, word: 'the collection above' };
  }
  return { ref: null, word: "the organization: each member's own role" };
  // names is used by the caller to turn ref into a title
}

const generalSection = {
  id: 'general',
  order: 40,
  render(ctx) {
    const { api, resource, info, names } = ctx;
    const selectId = uid('gh-general');
    const errorEl = h('div', { class: 'gh-inline-error' });
    const note = h('p', { class: 'gh-hint' });
    const holder = h('div', { class: 'gh-field' });
    let control = null;

    function draw() {
      const parent = parentWords(ctx);
      const title = parent.ref ? names.of(parent.ref.type, parent.ref.id) : null;
      const inherit = parent.ref ? `Same as ${title ? `${parent.ref.type} ${title}` : parent.word}` : `Same as ${parent.word}`;
      const current = info.defaultLevel === null ? 'none' : info.defaultLevel;
      const choices = [['inherit', inherit], ['none', 'Only people and teams added'],
        ...ROLES.map((r) => [r, `Everyone in the organization: ${roleLabel(r)}`])];
      control = select({ id: selectId, class: 'gh-select', disabled: !info.admin }, choices, current);
      control.addEventListener('change', async () => {
        const value = control.value;
        const path = resourcePath(resource);
        const ok = await act(control, errorEl, 'Could not change general access',
          () => api.patch(path, { defaultLevel: value === 'none' ? null : value }));
        if (ok) ctx.changed({ method: 'PATCH', path });
        else draw();
      });
      fill(holder, h('label', { for: selectId, class: 'gh-visually-hidden' }, 'General access'), control);
      note.textContent = 'General access reaches every member but guests; people and teams added here come first.';
      if (parent.ref && !title) names.resolve([parent.ref]).then(() => { if (names.of(parent.ref.type, parent.ref.id)) draw(); });
    }
    draw();
    return {
      element: section('General access', holder, note, errorEl),
      refresh: () => {
        const focused = control && (control.getRootNode().activeElement === control);
        draw();
        if (focused) control.focus();
      },
    };
  },
};

const BUILT_IN = [addSection, peopleSection, teamsSection, generalSection];
