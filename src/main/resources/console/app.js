// The console: sign in with a token, then browse organizations, their content, members, teams, audit log and
// webhooks, and share anything. Everything it shows is an answer of the documented /v1 API.

import { createApi, ApiError, describeError } from './api.js';
import { session } from './session.js';
import { parseRoute, href } from './router.js';
import { h, fill, errorBox } from './dom.js';
import { pagedList } from './list.js';
import './gatehouse-share.js';
import { contentView } from './view-content.js';
import { membersView, memberView, teamsView } from './view-people.js';
import { auditView, webhooksView } from './view-audit.js';

const main = document.getElementById('main');
const bar = document.getElementById('session');
let api = null;
const orgTitles = new Map();

/** Opens the share dialog (the <gatehouse-share> component) for a resource; focus returns to {@code from}. */
export function openShare(resource, from) {
  const el = document.createElement('gatehouse-share');
  el.setAttribute('trigger', 'none');
  el.setAttribute('resource', resource);
  el.token = () => session.token;
  el.addEventListener('gatehouse-share-close', () => el.remove());
  document.body.append(el);
  el.open({ returnFocus: from });
}

/** A "Share" button for a resource, named "Share <title>". */
export function shareButton(resource, title) {
  const b = h('button', { type: 'button', class: 'gh-button gh-small', 'aria-label': `Share ${title}` }, 'Share');
  b.addEventListener('click', () => openShare(resource, b));
  return b;
}

function heading(text) {
  return h('h1', { tabindex: '-1', class: 'gh-title' }, text);
}

function focusHeading() {
  const h1 = main.querySelector('h1');
  if (h1) h1.focus({ preventScroll: false });
}

// ------------------------------------------------------------------------------------------ signing in

function signInView(message) {
  const input = h('input', { id: 'gh-token', type: 'password', class: 'gh-input', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'gh-token-hint', required: true });
  const errorEl = h('div', { class: 'gh-inline-error' });
  if (message) errorEl.append(errorBox(message));
  const submit = h('button', { type: 'submit', class: 'gh-button gh-primary' }, 'Sign in');
  const form = h('form', {
    class: 'gh-card gh-signin', novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      errorEl.replaceChildren();
      const token = input.value.trim();
      if (!token) {
        errorEl.append(errorBox('Paste a token first.'));
        input.focus();
        return;
      }
      submit.disabled = true;
      try {
        await signIn(token);
        input.value = '';
        render();
      } catch (err) {
        errorEl.append(errorBox(describeError('Could not sign in', err)));
        input.focus();
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('div', { class: 'gh-field' }, h('label', { for: 'gh-token' }, 'Token'), input),
  h('p', { id: 'gh-token-hint', class: 'gh-hint' },
    'A personal token (POST /v1/users/{user}/tokens) or the system token. It is kept in this tab only, '
    + 'and forgotten when you sign out or close the tab.'),
  errorEl, submit);
  fill(main, heading('Sign in to Gatehouse'), form);
  fill(bar);
  input.focus();
}

async function signIn(token) {
  const candidate = createApi({ token });
  await candidate.get('/v1/orgs', { limit: 1 });
  let user = null;
  try {
    user = await candidate.get('/v1/user');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
  session.start(token, user);
  api = createApi({ token: () => session.token });
}

function signOut() {
  session.end();
  api = null;
  orgTitles.clear();
  history.replaceState(null, '', location.pathname);
  signInView();
}

function sessionBar() {
  const who = session.system ? 'the system token' : `${session.user.displayName}${session.user.email ? ` (${session.user.email})` : ''}`;
  fill(bar, h('span', { class: 'gh-who-am-i' }, `Signed in with ${who}`),
    h('button', { type: 'button', class: 'gh-button gh-small', onclick: signOut }, 'Sign out'));
}

// ------------------------------------------------------------------------------------------ organizations

function orgsView() {
  const list = pagedList({
    label: 'Organizations', noun: 'organizations', emptyText: 'This token belongs to no organization.',
    doing: 'Could not list the organizations',
    fetchPage: (cursor) => api.page('/v1/orgs', {}, cursor, { limit: 100 }),
    renderRow: (o) => {
      orgTitles.set(o.id, o.title);
      return h('li', { class: 'gh-row' },
        h('a', { href: href('org', o.id), class: 'gh-link gh-name' }, o.title),
        h('span', { class: 'gh-muted' }, o.permissions && o.permissions.admin ? 'you administer it' : 'member'));
    },
  });
  fill(main, heading('Organizations'),
    h('p', { class: 'gh-muted' }, session.system ? 'The system token sees every organization.' : 'The organizations you belong to.'),
    list.element);
  list.start();
}

const TABS = [['content', 'Content'], ['members', 'Members'], ['teams', 'Teams'], ['audit', 'Audit log'], ['webhooks', 'Webhooks']];

async function orgFrame(route) {
  const org = route.org;
  let title = orgTitles.get(org);
  const titleEl = heading(title || 'Organization');
  const nav = h('nav', { class: 'gh-tabs', 'aria-label': 'Organization' },
    h('a', { href: '#/', class: 'gh-link' }, 'All organizations'),
    TABS.map(([tab, label]) => h('a', {
      href: href('org', org, tab), class: 'gh-tab', 'aria-current': (route.name === tab || (route.name === 'member' && tab === 'members')) ? 'page' : null,
    }, label)));
  const body = h('div', { class: 'gh-view' });
  fill(main, titleEl, nav, body);
  if (!title) {
    try {
      const o = await api.get(`/v1/orgs/${encodeURIComponent(org)}`);
      title = o.title;
      orgTitles.set(org, title);
      titleEl.textContent = title;
    } catch (e) {
      fill(body, errorBox(describeError('Could not open this organization', e)));
      return;
    }
  }
  const ctx = { api, org, orgTitle: title, session, shareButton, openShare };
  switch (route.name) {
    case 'content': contentView(body, ctx); break;
    case 'members': membersView(body, ctx); break;
    case 'member': memberView(body, ctx, route.user); break;
    case 'teams': teamsView(body, ctx); break;
    case 'audit': auditView(body, ctx); break;
    case 'webhooks': webhooksView(body, ctx); break;
    default: fill(body, errorBox('There is no such page in the console.'));
  }
}

// ------------------------------------------------------------------------------------------ routing

async function render() {
  if (!session.token) {
    signInView();
    return;
  }
  sessionBar();
  const route = parseRoute(location.hash);
  if (route.name === 'orgs') orgsView();
  else await orgFrame(route);
  focusHeading();
}

async function boot() {
  const token = session.restore();
  if (token) {
    try {
      await signIn(token);
    } catch (e) {
      session.end();
      signInView(describeError('Signed out', e));
      return;
    }
  }
  window.addEventListener('hashchange', render);
  render();
}

boot();
