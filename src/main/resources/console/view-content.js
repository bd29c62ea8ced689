// An organization's content as a tree: collections, the spaces in them, the pages of each space; and its
// sites with the spaces they publish. Every item has a "Share" button. Branches are read when opened, page
// by page, so an organization of any size opens at once.

import { h, fill, errorBox, count } from './dom.js';
import { describeError } from './api.js';
import { pagedList } from './list.js';
import { remember } from './known.js';

function disclosure(label, loadChildren) {
  const children = h('div', { class: 'gh-branch', hidden: true });
  const button = h('button', { type: 'button', class: 'gh-disclosure', 'aria-expanded': 'false' },
    h('span', { class: 'gh-caret', 'aria-hidden': 'true' }), label);
  let loaded = false;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    children.hidden = !open;
    if (open && !loaded) {
      loaded = true;
      loadChildren(children);
    }
  });
  return { button, children };
}

function kind(text) {
  return h('span', { class: 'gh-kind' }, text);
}

function level(l) {
  if (l === undefined) return '';
  if (l === null) return 'general access: only people added';
  if (l === 'inherit') return 'general access: inherited';
  return `general access: ${l}`;
}

export function contentView(body, ctx) {
  const { api, org, shareButton } = ctx;
  const e = encodeURIComponent;

  function pageRow(space, p) {
    remember('page', p.id, p.title);
    return h('li', { class: `gh-node gh-depth-${Math.min(p.depth || 0, 6)}` },
      h('div', { class: 'gh-node-line' }, kind('page'), h('span', { class: 'gh-node-title' }, p.title),
        h('span', { class: 'gh-muted' }, level(p.defaultLevel)), shareButton(`page:${space.id}/${p.id}`, p.title)));
  }

  function pagesOf(space, into) {
    const list = pagedList({
      label: `Pages of ${space.title}`, noun: 'pages', emptyText: 'No pages.', pageSize: 50,
      doing: `Could not list the pages of ${space.title}`,
      fetchPage: (cursor) => api.page(`/v1/spaces/${e(space.id)}/pages`, {}, cursor, { limit: 50 }),
      renderRow: (p) => pageRow(space, p),
    });
    fill(into, list.element);
    list.start();
  }

  function spaceRow(s) {
    remember('space', s.id, s.title);
    const d = disclosure(s.title, (into) => pagesOf(s, into));
    return h('li', { class: 'gh-node' },
      h('div', { class: 'gh-node-line' }, kind('space'), d.button, h('span', { class: 'gh-muted' }, level(s.defaultLevel)),
        shareButton(`space:${s.id}`, s.title)),
      d.children);
  }

  function spacesList(label, fetchPage, filter) {
    return pagedList({
      label, noun: 'spaces', emptyText: 'No spaces.', pageSize: 50, filter,
      doing: `Could not list ${label.toLowerCase()}`, fetchPage, renderRow: spaceRow,
    });
  }

  let collections = [];
  function collectionRow(c) {
    remember('collection', c.id, c.title);
    const d = disclosure(c.title, (into) => {
      const kids = collections.filter((k) => k.parent === c.id);
      const spaces = spacesList(`Spaces in ${c.title}`,
        (cursor) => api.page(`/v1/collections/${e(c.id)}/spaces`, {}, cursor, { limit: 50 }));
      fill(into,
        kids.length ? h('ul', { class: 'gh-tree', 'aria-label': `Collections in ${c.title}` }, kids.map(collectionRow)) : null,
        spaces.element);
      spaces.start();
    });
    return h('li', { class: 'gh-node' },
      h('div', { class: 'gh-node-line' }, kind('collection'), d.button, h('span', { class: 'gh-muted' }, level(c.defaultLevel)),
        shareButton(`collection:${c.id}`, c.title)),
      d.children);
  }

  const tree = h('div', { class: 'gh-tree-root' }, h('p', { class: 'gh-muted' }, 'Loading collections…'));
  const topSpaces = spacesList('Spaces outside collections',
    (cursor) => api.page(`/v1/orgs/${e(org)}/spaces`, {}, cursor, { limit: 1000 }),
    (s) => !s.parent || !collections.some((c) => c.id === s.parent));
  const sites = h('div', {}, h('p', { class: 'gh-muted' }, 'Loading sites…'));

  fill(body,
    h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-collections' },
      h('h2', { id: 'gh-h-collections' }, 'Collections, spaces and pages'), tree,
      h('h3', {}, 'Spaces outside collections'), topSpaces.element),
    h('section', { class: 'gh-panel', 'aria-labelledby': 'gh-h-sites' }, h('h2', { id: 'gh-h-sites' }, 'Sites'), sites));

  (async () => {
    try {
      const all = [];
      let cursor = null;
      do {
        const p = await api.page(`/v1/orgs/${e(org)}/collections`, {}, cursor, { limit: 1000 });
        all.push(...p.items);
        cursor = p.next;
      } while (cursor);
      collections = all;
      const ids = new Set(all.map((c) => c.id));
      const top = all.filter((c) => !c.parent || !ids.has(c.parent));
      fill(tree, top.length ? h('ul', { class: 'gh-tree', 'aria-label': 'Collections' }, top.map(collectionRow))
        : h('p', { class: 'gh-muted' }, 'No collections.'));
    } catch (err) {
      fill(tree, errorBox(describeError('Could not list the collections', err)));
    }
    topSpaces.start();
  })();

  const siteList = pagedList({
    label: 'Sites', noun: 'sites', emptyText: 'No sites.', pageSize: 50, doing: 'Could not list the sites',
    fetchPage: (cursor) => api.page(`/v1/orgs/${e(org)}/sites`, {}, cursor, { limit: 50 }),
    renderRow: (s) => {
      remember('site', s.id, s.title);
      const publishes = h('p', { class: 'gh-muted gh-publishes' }, 'Publishes: …');
      api.page(`/v1/orgs/${e(org)}/sites/${e(s.id)}/site-spaces`, {}, null, { limit: 20 }).then((r) => {
        const titles = r.items.map((ss) => ss.title || (ss.space && ss.space.title));
        publishes.textContent = titles.length
          ? `Publishes: ${titles.join(', ')}${r.next ? `, and more (${count(s.siteSpaces)} in all)` : ''}`
          : 'Publishes no space yet.';
      }).catch((err) => {
        publishes.replaceChildren(errorBox(describeError('Could not list what it publishes', err)));
      });
      return h('li', { class: 'gh-node' },
        h('div', { class: 'gh-node-line' }, kind('site'), h('span', { class: 'gh-node-title' }, s.title),
          h('span', { class: 'gh-muted' }, `${s.visibility} · ${level(s.defaultLevel)}`), shareButton(`site:${org}/${s.id}`, s.title)),
        publishes);
    },
  });
  fill(sites, siteList.element);
  siteList.start();
}
