// The share dialog's "Invite links" section, for spaces and collections: the links that give a level on this
// resource to whoever joins with them (GET/POST /v1/orgs/{org}/link-invites, PATCH and DELETE of one link).
// It is added the way any section is, with registerShareSection.

import { h, fill, uid, select, errorBox } from './dom.js';
import { describeError } from './api.js';
import { ROLES, roleLabel } from './resource.js';
import { pagedList } from './list.js';
import { registerShareSection } from './share-dialog.js';
import { copyButton, secretField } from './copy.js';
import { formatTime } from './expiry.js';

const e = encodeURIComponent;

function describe(link) {
  const parts = [`${roleLabel(link.level)} link`, `${link.uses} use${link.uses === 1 ? '' : 's'}${link.maxUses ? ` of ${link.maxUses}` : ''}`];
  parts.push(link.expiresAt ? `expires ${formatTime(link.expiresAt)}` : 'never expires');
  if (!link.active) parts.push('deactivated');
  return parts.join(' · ');
}

registerShareSection({
  id: 'invite-links',
  order: 35,
  render(ctx) {
    const { api, resource, info } = ctx;
    if (resource.type !== 'space' && resource.type !== 'collection') return { element: null };
    const base = `/v1/orgs/${e(info.org)}/link-invites`;
    const headingId = uid('gh-section');
    const errorEl = h('div', { class: 'gh-inline-error' });
    const created = h('div', {});
    const roleId = uid('gh-linkrole');
    const role = select({ id: roleId, class: 'gh-select', disabled: !info.admin }, ROLES.map((r) => [r, roleLabel(r)]), 'read');
    const create = h('button', { type: 'button', class: 'gh-button', disabled: !info.admin }, 'Create invite link');

    function row(link) {
      const rowError = h('div', { class: 'gh-inline-error' });
      const toggle = h('button', { type: 'button', class: 'gh-button gh-small', 'data-key': `toggle:${link.ref}`,
        'aria-label': `${link.active ? 'Deactivate' : 'Activate'} link ${link.ref}` }, link.active ? 'Deactivate' : 'Activate');
      toggle.addEventListener('click', async () => {
        try {
          await api.patch(`${base}/${e(link.id)}`, { active: !link.active });
          ctx.changed({ method: 'PATCH', path: `${base}/{inviteId}` });
        } catch (err) {
          fill(rowError, errorBox(describeError(`Could not change link ${link.ref}`, err)));
        }
      });
      const remove = h('button', { type: 'button', class: 'gh-button gh-small gh-danger', 'aria-label': `Delete link ${link.ref}` }, 'Delete');
      remove.addEventListener('click', async () => {
        try {
          await api.delete(`${base}/${e(link.id)}`);
          ctx.changed({ method: 'DELETE', path: `${base}/{inviteId}` });
        } catch (err) {
          fill(rowError, errorBox(describeError(`Could not delete link ${link.ref}`, err)));
        }
      });
      const status = h('p', { class: 'gh-status', 'aria-live': 'polite' });
      const field = secretField(link.id, `Id of link ${link.ref}, the secret to share`);
      return h('li', { class: 'gh-row gh-link-row', 'data-ref': link.ref },
        h('span', { class: 'gh-avatar gh-team-avatar', 'aria-hidden': 'true' }, '#'),
        h('div', { class: 'gh-who' }, h('span', { class: 'gh-name' }, link.ref), h('span', { class: 'gh-email' }, describe(link)),
          info.admin ? h('span', { class: 'gh-secret-row' }, field, copyButton(field, `Copy link ${link.ref}`, status)) : null),
        h('div', { class: 'gh-actions' }, info.admin ? [toggle, remove] : []), rowError, status);
    }

    const list = pagedList({
      label: 'Invite links', noun: 'invite links', one: 'invite link', emptyText: 'No invite link to this yet.', pageSize: 20,
      doing: 'Could not list the invite links',
      fetchPage: (cursor) => api.page(base, {}, cursor, { limit: 100 }),
      filter: (l) => (resource.type === 'space' ? l.space && l.space.id : l.collection && l.collection.id) === resource.id,
      renderRow: row,
    });

    create.addEventListener('click', async () => {
      errorEl.replaceChildren();
      created.replaceChildren();
      try {
        const link = await api.post(base, { level: role.value, [resource.type]: resource.id });
        const idField = uid('gh-linkid');
        const status = h('p', { class: 'gh-status', 'aria-live': 'polite' });
        const field = h('input', { id: idField, class: 'gh-input gh-secret', type: 'text', readonly: true, value: link.id });
        fill(created, h('div', { class: 'gh-field' },
          h('label', { for: idField }, `New ${roleLabel(link.level)} link ${link.ref}: its id, the secret to share`),
          h('span', { class: 'gh-secret-row' }, field, copyButton(field, `Copy new link ${link.ref}`, status))), status,
        h('p', { class: 'gh-hint' }, `Whoever holds it joins with POST /v1/orgs/${info.org}/invites/{id}.`));
        ctx.changed({ method: 'POST', path: base });
      } catch (err) {
        errorEl.append(errorBox(describeError('Could not create an invite link', err)));
      }
    });

    const element = h('section', { class: 'gh-section', 'aria-labelledby': headingId },
      h('h3', { id: headingId }, 'Invite links'),
      h('p', { class: 'gh-hint' }, 'Whoever holds a link joins with its role here, as a guest if they are not a member: share it as you would a password.'),
      list.element,
      h('div', { class: 'gh-add-row' }, h('div', { class: 'gh-field' }, h('label', { for: roleId }, 'Link role'), role), create),
      errorEl, created);
    return { element, start: () => list.start(), refresh: () => list.reload() };
  },
});
