// A list on screen over a Pager: rows appear as their API page arrives, one page is shown at a time with
// "Previous page" and "Next page", and a failure is said in words next to the list, with a way to retry.

import { Pager } from './pager.js';
import { h, fill, count } from './dom.js';
import { describeError } from './api.js';

/**
 * @param fetchPage  (cursor) => Promise<{items, next}>
 * @param renderRow  item => Element (an <li>)
 * @param label      what the list holds, for its accessible name ("People with access")
 * @param noun       plural noun for the status line ("people")
 * @param emptyText  what an empty list says
 * @param doing      what a failure was doing ("Could not list who has access")
 */
export function pagedList({ fetchPage, renderRow, label, noun = 'items', one = null, emptyText = 'None.', pageSize = 100,
  filter = null, doing = 'Could not load the list', onRows = null }) {
  const status = h('p', { class: 'gh-list-status', 'aria-live': 'polite', tabindex: '-1' });
  const rowsEl = h('ul', { class: 'gh-rows', 'aria-label': label });
  const errorEl = h('div', { class: 'gh-list-error' });
  const previous = h('button', { type: 'button', class: 'gh-button', onclick: () => pager.previous() }, 'Previous page');
  const next = h('button', { type: 'button', class: 'gh-button', onclick: () => pager.next() }, 'Next page');
  const where = h('span', { class: 'gh-page-number' });
  const nav = h('nav', { class: 'gh-pages', 'aria-label': `Pages of ${label.toLowerCase()}` }, previous, where, next);
  const element = h('div', { class: 'gh-list' }, status, rowsEl, errorEl, nav);
  let shown = [];
  // When rows are read again (after a change) while focus is on one of their controls, focus goes to the same
  // control of the new row (its data-key), or to the list's status line when that row is gone.
  let refocus = null;

  function update(state) {
    if (state.rows.length < shown.length || state.rows.some((r, i) => i < shown.length && r !== shown[i])) {
      const active = rowsEl.getRootNode().activeElement;
      if (active && rowsEl.contains(active)) refocus = active.dataset.key || '';
      rowsEl.replaceChildren();
      shown = [];
    }
    for (let i = shown.length; i < state.rows.length; i += 1) rowsEl.append(renderRow(state.rows[i]));
    shown = state.rows.slice();
    if (refocus !== null && !state.loading) {
      const same = refocus && [...rowsEl.querySelectorAll('[data-key]')].find((el) => el.dataset.key === refocus);
      (same || status).focus();
      refocus = null;
    }
    const from = state.firstRow + 1;
    const to = state.firstRow + state.rows.length;
    if (state.error) {
      status.textContent = '';
    } else if (state.loading) {
      status.textContent = state.rows.length ? `Showing ${count(from)}–${count(to)}, loading more…` : `Loading ${noun}…`;
    } else if (!state.rows.length) {
      status.textContent = state.firstRow ? `No more ${noun}.` : emptyText;
    } else if (!state.hasPrevious && !state.hasNext) {
      status.textContent = state.rows.length === 1 ? `1 ${one || noun.replace(/s$/, '')}` : `${count(state.rows.length)} ${noun}`;
    } else {
      status.textContent = `Showing ${noun} ${count(from)}–${count(to)}${state.hasNext ? '' : ', the last'}`;
    }
    if (state.error) {
      fill(errorEl, h('p', { class: 'gh-error', role: 'alert' }, describeError(doing, state.error)),
        h('button', { type: 'button', class: 'gh-button', onclick: () => pager.load() }, 'Try again'));
    } else {
      errorEl.replaceChildren();
    }
    previous.disabled = !state.hasPrevious || state.loading;
    next.disabled = !state.hasNext || state.loading;
    where.textContent = `Page ${count(pager.index + 1)}`;
    nav.hidden = !state.hasPrevious && !state.hasNext;
    element.setAttribute('aria-busy', state.loading ? 'true' : 'false');
    if (onRows && !state.loading) onRows(state.rows);
  }

  const pager = new Pager({ fetchPage, pageSize, filter, onUpdate: update });
  return {
    element,
    pager,
    start: () => pager.first(),
    reload: () => pager.reload(),
    setFilter(f) { pager.filter = f; return pager.first(); },
  };
}
