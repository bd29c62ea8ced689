// Who is signed in. The token is kept for this browser tab only (sessionStorage, which closing the tab
// clears), never in localStorage, a cookie or a URL; signing out forgets it.

const KEY = 'gatehouse.console.token';

export const session = {
  token: null,
  /** {id, displayName, email} of a personal token's user; null for the system token. */
  user: null,
  system: false,

  restore() {
    try {
      this.token = sessionStorage.getItem(KEY);
    } catch {
      this.token = null;
    }
    return this.token;
  },

  start(token, user) {
    this.token = token;
    this.user = user;
    this.system = !user;
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // Storage refused (a private window): the token lives in memory for this page only.
    }
  },

  end() {
    this.token = null;
    this.user = null;
    this.system = false;
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing kept
    }
  },
};
