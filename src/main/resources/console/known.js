// Titles the console has already read in this tab (pages, spaces, collections, sites, teams, people), so that
// a view that names an object by id, as the audit log does, can say its title without asking again.

const titles = new Map();

export function remember(type, id, title) {
  if (id && title) titles.set(`${type}:${id}`, title);
}

export function known(type, id) {
  return titles.get(`${type}:${id}`) || null;
}
