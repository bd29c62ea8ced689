// The share dialog's "Share links" section, for sites: links whose address lets whoever holds it read the site
// and the spaces it publishes, and nothing else (GET/POST /v1/orgs/{org}/sites/{site}/share-links, PATCH and
// DELETE of one link). It is added the way any section is, with registerShareSection.

import { h, fill, uid, errorBox } from './dom.js';
import { describeError } from './api.js';
import { pagedList } from './list.js';
import { registerShareSection } from './share-dialog.js';
import { copyButton, secretField } from './copy.js';
import { formatTime } from './expiry.js';

const e = encodeURIComponent;

registerShareSection({
  id: 'share-links',
  order: 36,
  render(ctx) {
    const { api, resource, info } = ctx;
    // Share links are managed by the site's admins only: anyone else is answered 403, so the section is not shown.
    if (resource.type !== 'site' || !info.admin) return { element: null };
    const base = `/v1/orgs/${e(resource.org)}/sites/${e(resource.id)}/share-links`;
    const headingId = uid('gh-section');
    const nameId = uid('gh-linkname');
    const errorEl = h('div', { class: 'gh-inline-error' });
    const name = h('input', { id: nameId, type: 'text', class: 'gh-input', maxlength: '50', autocomplete: 'off' });
    const create = h('button', { type: 'submit', class: 'gh-button' }, 'Create share link');

    function row(link) {
      const label = link.name || 'Unnamed link';
      const rowError = h('div', { class: 'gh-inline-error' });
      const status = h('p', { class: 'gh-status', 'aria-live': 'polite' });
      const field = secretField(link.urls.published, `Address of share link ${label}`);
      const path = `${base}/${e(link.id)}`;
      const toggle = h('button', { type: 'button', class: 'gh-button gh-small', 'data-key': `toggle:${link.id}`,
        'aria-label': `${link.active ? 'Deactivate' : 'Activate'} share link ${label}` }, link.active ? 'Deactivate' : 'Activate');
      toggle.addEventListener('click', async () => {
        try {
          await api.patch(path, { active: !link.active });
          ctx.changed({ method: 'PATCH', path: `${base}/{shareLinkId}` });
        } catch (err) {
          fill(rowError, errorBox(describeError(`Could not change share link ${label}`, err)));
        }
      });
      const remove = h('button', { type: 'button', class: 'gh-button gh-small gh-danger', 'aria-label': `Delete share link ${label}` }, 'Delete');
      remove.addEventListener('click', async () => {
        try {
          await api.delete(path);
          ctx.changed({ method: 'DELETE', path: `${base}/{shareLinkId}` });
        } catch (err) {
          fill(rowError, errorBox(describeError(`Could not delete share link ${label}`, err)));
        }
      });
      const words = `created ${formatTime(link.createdAt)}${link.active ? '' : ' · deactivated: its address reads nothing'}`;
      return h('li', { class: 'gh-row gh-link-row', 'data-link': link.id },
        h('span', { class: 'gh-avatar gh-team-avatar', 'aria-hidden': 'true' }, '↗'),
        h('div', { class: 'gh-who' }, h('span', { class: 'gh-name' }, label), h('span', { class: 'gh-email' }, words),
          h('span', { class: 'gh-secret-row' }, field, copyButton(field, `Copy share link ${label}`, status))),
        h('div', { class: 'gh-actions' }, toggle, remove), rowError, status);
    }

    const list = pagedList({
      label: 'Share links', noun: 'share links', one: 'share link', emptyText: 'No share link to this site yet.', pageSize: 20,
      doing: 'Could not list the share links',
      fetchPage: (cursor) => api.page(base, {}, cursor, { limit: 100 }),
      renderRow: row,
    });

    const form = h('form', {
      class: 'gh-add-row', novalidate: true,
      onsubmit: async (ev) => {
        ev.preventDefault();
        errorEl.replaceChildren();
        try {
          await api.post(base, { name: name.value.trim() });
          name.value = '';
          ctx.changed({ method: 'POST', path: base });
        } catch (err) {
          errorEl.append(errorBox(describeError('Could not create a share link', err)));
          name.focus();
        }
      },
    }, h('div', { class: 'gh-field gh-grow' }, h('label', { for: nameId }, 'Link name (optional)'), name),
    h('div', { class: 'gh-field gh-submit' }, create));

    const element = h('section', { class: 'gh-section', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, 'Share links'),
      h('p', { class: 'gh-hint' }, 'Whoever has a link’s address reads this site and the spaces it publishes, without signing in; deactivate or delete the link to stop it.'),
      list.element, form, errorEl);
    return { element, start: () => list.start(), refresh: () => list.reload() };
  },
});
