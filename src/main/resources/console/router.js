// Where the console is: the part of the URL after '#', which holds ids only (never a token).
//   #/                          organizations
//   #/org/ORG[/content|members|teams|audit|webhooks]
//   #/org/ORG/members/USER

export function parseRoute(hash) {
  const parts = String(hash || '').replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  if (parts[0] !== 'org' || !parts[1]) return { name: 'orgs' };
  const org = parts[1];
  const tab = parts[2] || 'content';
  if (tab === 'members' && parts[3]) return { name: 'member', org, user: parts[3] };
  if (['content', 'members', 'teams', 'audit', 'webhooks'].includes(tab)) return { name: tab, org };
  return { name: 'notfound', org };
}

export function href(...parts) {
  return `#/${parts.map((p) => encodeURIComponent(p)).join('/')}`;
}
