// The one way the console and the share dialog talk to Gatehouse: its documented /v1 API, with a bearer token.
// No cookie is sent (credentials: 'omit') and the token never goes into a URL or a log.

/** An answer of the API that is not a success, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, message, method, path) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.method = method;
    this.path = path;
  }
}

/**
 * A client of one Gatehouse. {@code server} is its origin ('' for the page's own); {@code token} is the bearer
 * token, or a function returning it (or a promise of it), asked before every call.
 */
export function createApi({ server = '', token, fetchImpl } = {}) {
  const base = String(server || '').replace(/\/+$/, '');
  const doFetch = fetchImpl || ((...args) => fetch(...args));
  // After a write, reads ask for at least its revision, so a cluster never shows the state before it.
  let minRevision = 0;

  async function call(method, path, { query, body } = {}) {
    const secret = typeof token === 'function' ? await token() : token;
    if (!secret) throw new ApiError(401, 'No token: sign in first.', method, path);
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query || {})) {
      if (v !== undefined && v !== null && v !== '') qs.append(k, String(v));
    }
    const url = base + path + (qs.toString() ? `?${qs}` : '');
    const headers = { Authorization: `Bearer ${secret}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method === 'GET' && minRevision > 0) headers['X-Gatehouse-Min-Revision'] = String(minRevision);
    let res;
    try {
      res = await doFetch(url, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
      });
    } catch (e) {
      throw new ApiError(0, `Gatehouse did not answer${base ? ` at ${base}` : ''}: the network failed, or the server `
        + 'does not allow this page to call it.', method, path);
    }
    const revision = Number(res.headers.get('X-Gatehouse-Revision')) || 0;
    const text = res.status === 204 || res.status === 205 || res.status === 304 ? '' : await res.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch { json = null; }
    }
    if (!res.ok) {
      const message = json && json.error && json.error.message
        ? json.error.message : `${res.status} ${res.statusText || 'error'}`;
      throw new ApiError(res.status, message, method, path);
    }
    if (method !== 'GET' && revision > minRevision) minRevision = revision;
    return json;
  }

  return {
    server: base,
    get: (path, query) => call('GET', path, { query }),
    post: (path, body) => call('POST', path, { body: body ?? {} }),
    put: (path, body) => call('PUT', path, { body: body ?? {} }),
    patch: (path, body) => call('PATCH', path, { body: body ?? {} }),
    delete: (path) => call('DELETE', path),
    /** One page of a list: {items, next} where next is the cursor of the following page, or null. */
    async page(path, query, cursor, { cursorParam = 'page', limit = 100 } = {}) {
      const q = { ...(query || {}), limit };
      if (cursor) q[cursorParam] = cursor;
      const r = await call('GET', path, { query: q });
      const next = r && r.next ? (r.next[cursorParam === 'after' ? 'after' : 'page'] ?? null) : null;
      return { items: (r && r.items) || [], next };
    },
  };
}

/** What an error means for a person: the API's own message, prefixed with what was being done. */
export function describeError(doing, error) {
  const message = error instanceof ApiError || (error && error.message) ? error.message : String(error);
  return doing ? `${doing}: ${message}` : message;
}

/** Runs tasks with at most {@code limit} of them at once. */
export async function inParallel(items, limit, task) {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length) await task(queue.shift());
  });
  await Promise.all(workers);
}
