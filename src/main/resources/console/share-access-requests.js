// The share dialog's "Access requests" section: the pending requests for this resource, each approved (with an
// optional expiry of the grant it gives) or denied (with an optional reason the requester reads), on
// GET R/access-requests and POST R/access-requests/{id}/approve|deny. Added as any section is.

import { h, fill, uid, errorBox } from './dom.js';
import { describeError } from './api.js';
import { roleLabel, resourcePath } from './resource.js';
import { pagedList } from './list.js';
import { registerShareSection } from './share-dialog.js';
import { expiryFromField, fieldBounds, formatTime } from './expiry.js';

const e = encodeURIComponent;

registerShareSection({
  id: 'access-requests',
  order: 15,
  render(ctx) {
    const { api, resource, info } = ctx;
    // Listing requests needs what granting needs (admin here): others are answered 403, so they see no section.
    if (!info.admin) return { element: null };
    const base = `${resourcePath(resource)}/access-requests`;
    const headingId = uid('gh-section');

    function row(q) {
      const user = q.user;
      const who = user.displayName || user.email || user.id;
      const path = `${base}/${e(q.id)}`;
      const rowError = h('div', { class: 'gh-inline-error' });
      const untilId = uid('gh-until');
      const bounds = fieldBounds();
      const until = h('input', { id: untilId, type: 'datetime-local', class: 'gh-input gh-small', min: bounds.min, max: bounds.max,
        'aria-label': `Until (optional) for ${who}` });
      const approve = h('button', { type: 'button', class: 'gh-button gh-small gh-primary', 'aria-label': `Approve ${who}`,
        'data-key': `approve:${q.id}` }, 'Approve');
      const deny = h('button', { type: 'button', class: 'gh-button gh-small gh-danger', 'aria-label': `Deny ${who}`,
        'aria-expanded': 'false' }, 'Deny');
      const reasonId = uid('gh-reason');
      const reason = h('input', { id: reasonId, type: 'text', class: 'gh-input', maxlength: '1000', autocomplete: 'off' });
      const send = h('button', { type: 'submit', class: 'gh-button gh-small gh-danger' }, 'Send denial');
      const cancel = h('button', { type: 'button', class: 'gh-button gh-small' }, 'Cancel');
      const denyForm = h('form', { class: 'gh-add-row gh-deny', hidden: true, novalidate: true },
        h('div', { class: 'gh-field gh-grow' }, h('label', { for: reasonId }, `Reason for ${who} (optional)`), reason),
        h('div', { class: 'gh-field gh-submit' }, h('span', { class: 'gh-actions' }, send, cancel)));

      approve.addEventListener('click', async () => {
        rowError.replaceChildren();
        const asked = expiryFromField(until.value);
        if (asked.error) {
          fill(rowError, errorBox(`Could not approve ${who}: ${asked.error}.`));
          until.focus();
          return;
        }
        try {
          await api.post(`${path}/approve`, asked.expiresAt ? { expiresAt: asked.expiresAt } : {});
          ctx.changed({ method: 'POST', path: `${base}/{requestId}/approve` });
        } catch (err) {
          fill(rowError, errorBox(describeError(`Could not approve ${who}`, err)));
        }
      });
      const showDeny = (open) => {
        denyForm.hidden = !open;
        deny.setAttribute('aria-expanded', open ? 'true' : 'false');
        (open ? reason : deny).focus();
      };
      deny.addEventListener('click', () => showDeny(denyForm.hidden));
      cancel.addEventListener('click', () => showDeny(false));
      denyForm.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        rowError.replaceChildren();
        const text = reason.value.trim();
        try {
          await api.post(`${path}/deny`, text ? { reason: text } : {});
          ctx.changed({ method: 'POST', path: `${base}/{requestId}/deny` });
        } catch (err) {
          fill(rowError, errorBox(describeError(`Could not deny ${who}`, err)));
          reason.focus();
        }
      });

      const details = [h('span', { class: 'gh-name' }, who)];
      if (user.email && user.email !== who) details.push(h('span', { class: 'gh-email' }, user.email));
      details.push(h('span', { class: 'gh-origin' }, `asks for ${roleLabel(q.role)} · ${formatTime(q.createdAt)}`));
      if (q.message) details.push(h('q', { class: 'gh-message' }, q.message));
      return h('li', { class: 'gh-row gh-request', 'data-request': q.id },
        h('span', { class: 'gh-avatar', 'aria-hidden': 'true' }, '?'),
        h('div', { class: 'gh-who' }, ...details),
        h('div', { class: 'gh-actions' },
          h('label', { for: untilId, class: 'gh-inline-label' }, 'Until (optional)'), until, approve, deny),
        denyForm, rowError);
    }

    const list = pagedList({
      label: 'Access requests', noun: 'access requests', one: 'access request', emptyText: 'No pending request.', pageSize: 20,
      doing: 'Could not list the access requests',
      fetchPage: (cursor) => api.page(base, { status: 'pending' }, cursor, { limit: 100 }),
      renderRow: row,
      // The section shows while a request waits (or the list failed, to say so), and keeps out of the way otherwise.
      onRows: (rows) => {
        const hide = !rows.length && !list.element.querySelector('.gh-error');
        const root = element.getRootNode();
        const lost = !root.activeElement || root.activeElement === document.body || element.contains(root.activeElement);
        element.hidden = hide;
        // The last request decided: focus was in the rows just gone, so it goes to the dialog's first field.
        if (hide && lost && element.isConnected) {
          const first = element.closest('dialog') && element.closest('dialog').querySelector('input:not([disabled])');
          if (first) first.focus();
        }
      },
    });
    const element = h('section', { class: 'gh-section', 'aria-labelledby': headingId, hidden: true },
      h('h3', { id: headingId }, 'Access requests'),
      h('p', { class: 'gh-hint' }, 'People who asked for access here. Approving gives them the role they asked for, until the time given if any.'),
      list.element);
    return { element, start: () => list.start(), refresh: () => list.reload() };
  },
});
