// A real Gatehouse for the suite, and a fetch that checks every answer against a published schema.
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const JAR = join(here, '..', '..', 'target', 'gatehouse.jar');

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/**
 * Starts Gatehouse on a free port with a fresh data directory; resolves once /healthz answers.
 * {@code publicUrl(port)}, when given, is passed as --public-url.
 */
export async function startGatehouse({ publicUrl } = {}) {
  if (!existsSync(JAR)) {
    throw new Error(`${JAR} is missing: run 'mvn -q -DskipTests package' in the project first`);
  }
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'gatehouse-conformance-'));
  const adminToken = 'conformance-' + randomBytes(16).toString('hex');
  const args = ['-jar', JAR, 'serve', '--port', String(port), '--data', data];
  if (publicUrl) args.push('--public-url', publicUrl(port));
  const child = spawn('java', args, {
    env: { ...process.env, GATEHOUSE_ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Gatehouse exited early:\n${output}`);
    try {
      const r = await fetch(`${origin}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`Gatehouse did not start:\n${output}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    adminToken,
    stop() {
      child.kill();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------ schema checking

/** Compiles the response schemas of one OpenAPI document, and finds the operation behind a request. */
class Spec {
  constructor(doc, name, prefix) {
    this.doc = doc;
    this.name = name;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    for (const f of collectFormats(doc)) {
      if (!this.ajv.formats[f]) this.ajv.addFormat(f, true);
    }
    this.ajv.addSchema(doc, name);
    this.cache = new Map();
    this.routes = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const re = new RegExp('^' + prefix + path.replace(/\{[^}]+\}/g, '[^/]+') + '$');
      for (const [method, op] of Object.entries(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
          this.routes.push({ re, method: method.toUpperCase(), path, op });
        }
      }
    }
  }

  find(method, pathname) {
    return this.routes.find((r) => r.method === method && r.re.test(pathname));
  }

  /** The validator of a response, or null when the document gives no JSON schema for that status. */
  validator(route, status) {
    const key = `${route.method} ${route.path} ${status}`;
    if (!this.cache.has(key)) {
      const responses = route.op.responses || {};
      let response = responses[String(status)] || responses.default;
      if (response && response.$ref) response = resolve(this.doc, response.$ref);
      const schema = response?.content?.['application/json']?.schema;
      this.cache.set(key, schema ? this.ajv.compile(rebase(schema, this.name)) : null);
    }
    return this.cache.get(key);
  }
}

function collectFormats(node, out = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => collectFormats(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.format === 'string') out.add(node.format);
    Object.values(node).forEach((n) => collectFormats(n, out));
  }
  return out;
}

function resolve(doc, ref) {
  return ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** A schema taken out of the document: its local references now point into the document by name. */
function rebase(schema, name) {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${name}#/`));
}

/** Every checked answer, every mismatch, and which operations were exercised. */
export class Checker {
  constructor(gatehouseDoc) {
    const gitbook = JSON.parse(readFileSync(require.resolve('@gitbook/api/spec/openapi.json'), 'utf8'));
    this.gitbook = new Spec(gitbook, 'gitbook.json', '/v1');
    this.gatehouse = new Spec(gatehouseDoc, 'gatehouse.json', '');
    this.mismatches = [];
    this.covered = new Map(); // operationId -> statuses seen
    this.checked = 0;
    this.serverErrors = [];
  }

  /** GitBook's own schema for GitBook's endpoints; Gatehouse's document for its additions. */
  async check(method, url, response) {
    const { pathname } = new URL(url);
    const ours = this.gatehouse.find(method, pathname);
    const isGitBook = ours && ours.op.tags?.includes('GitBook');
    const spec = isGitBook ? this.gitbook : this.gatehouse;
    const route = spec.find(method, pathname);
    const opId = ours ? ours.op.operationId : `${method} ${pathname}`;
    if (!this.covered.has(opId)) this.covered.set(opId, new Set());
    this.covered.get(opId).add(response.status);
    if (response.status >= 500) this.serverErrors.push(`${method} ${pathname} -> ${response.status}`);
    const text = await response.clone().text();
    if (!route && response.status === 404) {
      return; // not a route at all (an id with a slash, say): a 404 in the error format is the answer
    }
    if (!route) {
      this.mismatches.push({ operation: `${method} ${pathname}`, path: '', problem: `no ${spec.name} operation for it` });
      return;
    }
    if (response.status >= 400) {
      const body = text ? JSON.parse(text) : null;
      if (!body?.error || body.error.code !== response.status || typeof body.error.message !== 'string') {
        this.mismatches.push({ operation: opId, path: '', problem: `error is not {error: {code, message}}: ${text}` });
      }
    }
    const validate = spec.validator(route, response.status);
    if (!validate || !text) return;
    this.checked++;
    const body = JSON.parse(text);
    if (!validate(body)) {
      for (const e of validate.errors) {
        this.mismatches.push({
          operation: `${opId} ${response.status} (${spec.name})`,
          path: e.instancePath || '/',
          problem: `${e.message} ${JSON.stringify(e.params)}`,
          value: JSON.stringify(valueAt(body, e.instancePath)).slice(0, 200),
        });
      }
    }
  }

  /** A fetch for the official client: the real fetch, with every answer checked. */
  fetch() {
    return async (input, init = {}) => {
      const request = new Request(input, init);
      const response = await fetch(request.clone());
      await this.check(request.method, request.url, response);
      return response;
    };
  }
}

function valueAt(body, pointer) {
  if (!pointer) return body;
  return pointer.split('/').slice(1).reduce((o, k) => (o == null ? o : o[k.replace(/~1/g, '/')]), body);
}
