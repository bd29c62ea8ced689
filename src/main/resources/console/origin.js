// Where a person's access comes from, in words: "direct", "via team Design", "inherited from collection
// Handbook", "organization role". From the explained aggregate's origin (the step that decided), the site
// aggregate's origin, and the steps of an explanation.

import { roleLabel } from './resource.js';

const LEVEL_WORDS = {
  page: 'page', space: 'space', collection: 'collection', site: 'site', 'site-level': 'site', organization: 'organization',
};

function levelWord(level) {
  return LEVEL_WORDS[level] || level;
}

/** "collection Handbook", or "a collection" while its title is unknown. */
function named(level, id, nameOf) {
  const word = levelWord(level);
  const title = nameOf ? nameOf(level === 'site-level' ? 'site' : level, id) : null;
  return title ? `${word} ${title}` : `a ${word}`;
}

function team(id, nameOf) {
  const title = nameOf ? nameOf('team', id) : null;
  return title ? `team ${title}` : 'a team';
}

/**
 * The words for the origin of one line of a collection's, space's or page's explained aggregate: the step
 * that decided, {level, id, rule, permission, team?}, seen from {@code resource} ({type, id}).
 * Returns {kind, text}: kind is direct, team, inherited, general, organization, admin or none.
 */
export function originWords(origin, resource, nameOf) {
  if (!origin) return { kind: 'none', text: 'unknown' };
  const here = origin.level === resource.type && origin.id === resource.id;
  const from = here ? '' : `inherited from ${named(origin.level, origin.id, nameOf)}`;
  switch (origin.rule) {
    case 'admin':
      return { kind: 'admin', text: 'organization admin' };
    case 'organization-role':
      return { kind: 'organization', text: 'organization role' };
    case 'user-grant':
      return here ? { kind: 'direct', text: 'direct' } : { kind: 'inherited', text: from };
    case 'team-grant':
      return { kind: 'team', text: `via ${team(origin.team, nameOf)}${here ? '' : `, ${from}`}` };
    case 'site-user-grant':
      return { kind: 'inherited', text: `inherited from ${named('site', origin.id, nameOf)}` };
    case 'site-team-grant':
      return { kind: 'team', text: `via ${team(origin.team, nameOf)}, inherited from ${named('site', origin.id, nameOf)}` };
    case 'default':
      return { kind: 'general', text: here ? 'general access' : `general access, ${from}` };
    default:
      return { kind: 'none', text: origin.rule };
  }
}

/**
 * The words for the origin of a site aggregate's line: {type: organization|site|space, reason?, team?,
 * space?}.
 */
export function siteOriginWords(origin, nameOf) {
  if (!origin) return { kind: 'none', text: 'unknown' };
  if (origin.type === 'organization') return { kind: 'organization', text: 'organization role' };
  if (origin.type === 'space') {
    return { kind: 'inherited', text: `through ${named('space', origin.space, nameOf)}, which the site publishes` };
  }
  switch (origin.reason) {
    case 'member': return { kind: 'direct', text: 'direct' };
    case 'team': return { kind: 'team', text: `via ${team(origin.team, nameOf)}` };
    case 'default': return { kind: 'general', text: 'general access' };
    default: return { kind: 'none', text: origin.reason || 'unknown' };
  }
}

/** One step of an explanation, in words: what that level said and whether it decided. */
export function stepWords(step, nameOf) {
  const where = step.level === 'organization' ? 'Organization' : capitalize(named(step.level, step.id, nameOf));
  const role = roleLabel(step.permission).toLowerCase();
  let said;
  switch (step.rule) {
    case 'not-member': said = 'not a member of the organization: no access'; break;
    case 'disabled': said = 'disabled in the organization: no access'; break;
    case 'admin': said = 'an organization admin: admin everywhere'; break;
    case 'deleted': said = 'in the trash: only admins reach it'; break;
    case 'user-grant': said = step.permission ? `a grant to this person: ${role}` : 'a grant to this person: no access'; break;
    case 'team-grant': said = `a grant to ${team(step.team, nameOf)}: ${step.permission ? role : 'no access'}`; break;
    case 'default': said = `general access: ${role}`; break;
    case 'default-none': said = 'general access: only people and teams added'; break;
    case 'inherit': said = 'nothing here: asks the level above'; break;
    case 'site-user-grant': said = `a grant to this person on a site that publishes it: ${role}`; break;
    case 'site-team-grant': said = `a grant to ${team(step.team, nameOf)} on a site that publishes it: ${role}`; break;
    case 'site-none': said = 'no site that publishes it grants anything: asks the level above'; break;
    case 'organization-role': said = `the member's organization role: ${role}`; break;
    case 'guest': said = 'a guest: general access and the organization role give guests nothing'; break;
    default: said = `${step.rule}${step.permission ? `: ${role}` : ''}`;
  }
  return { where, said, decided: Boolean(step.decided) };
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether a line's access is a grant on the resource itself, which "Remove" takes away. */
export function isDirect(origin, resource) {
  if (!origin) return false;
  if (resource.type === 'site') return origin.type === 'site' && origin.reason === 'member';
  return origin.rule === 'user-grant' && origin.level === resource.type && origin.id === resource.id;
}

/** The ids an origin names whose titles make its words ({type, id} pairs). */
export function namesIn(origin, resource) {
  const out = [];
  if (!origin) return out;
  if (resource.type === 'site') {
    if (origin.team) out.push({ type: 'team', id: origin.team });
    if (origin.type === 'space' && origin.space) out.push({ type: 'space', id: origin.space });
    return out;
  }
  if (origin.team) out.push({ type: 'team', id: origin.team });
  const here = origin.level === resource.type && origin.id === resource.id;
  if (!here && origin.id && origin.level !== 'organization') {
    out.push({ type: origin.level === 'site-level' ? 'site' : origin.level, id: origin.id });
  }
  return out;
}
