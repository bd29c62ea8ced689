// What can be shared, how it is named in an attribute ("space:ID"), and where the API keeps it.

/** Roles from least to most powerful (never GitBook's display order). */
export const ROLES = ['read', 'comment', 'edit', 'review', 'create', 'admin'];

export const ROLE_LABELS = {
  read: 'Read', comment: 'Comment', edit: 'Edit', review: 'Review', create: 'Create', admin: 'Admin',
};

export function roleLabel(role) {
  return role ? ROLE_LABELS[role] || role : 'No access';
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * "collection:ID", "space:ID", "page:SPACE/PAGE" or "site:ORGANIZATION/SITE" as {type, id, space?, org?}.
 * A page is named with its space and a site with its organization, as the API's paths are.
 */
export function parseResource(text) {
  const m = /^(collection|space|page|site):(.+)$/.exec(String(text || '').trim());
  if (!m) {
    throw new Error(`'${text}' does not name a resource: give collection:ID, space:ID, page:SPACE/PAGE or site:ORG/SITE`);
  }
  const [, type, rest] = m;
  const parts = rest.split('/');
  const two = type === 'page' || type === 'site';
  if (parts.length !== (two ? 2 : 1) || !parts.every((p) => ID.test(p))) {
    throw new Error(`'${text}' does not name a ${type}: give ${type}:${two ? (type === 'page' ? 'SPACE/PAGE' : 'ORG/SITE') : 'ID'}`);
  }
  if (type === 'page') return { type, space: parts[0], id: parts[1] };
  if (type === 'site') return { type, org: parts[0], id: parts[1] };
  return { type, id: parts[0] };
}

export function formatResource(r) {
  if (r.type === 'page') return `page:${r.space}/${r.id}`;
  if (r.type === 'site') return `site:${r.org}/${r.id}`;
  return `${r.type}:${r.id}`;
}

/** The resource's own path: GET it, PATCH its default level; its permissions are under it. */
export function resourcePath(r) {
  const e = encodeURIComponent;
  switch (r.type) {
    case 'collection': return `/v1/collections/${e(r.id)}`;
    case 'space': return `/v1/spaces/${e(r.id)}`;
    case 'page': return `/v1/spaces/${e(r.space)}/pages/${e(r.id)}`;
    case 'site': return `/v1/orgs/${e(r.org)}/sites/${e(r.id)}`;
    default: throw new Error(`no such kind of resource: ${r.type}`);
  }
}

export function permissionsPath(r) {
  return `${resourcePath(r)}/permissions`;
}

export function explainPath(r, userId) {
  return `${permissionsPath(r)}/users/${encodeURIComponent(userId)}/explain`;
}
