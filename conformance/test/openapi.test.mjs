// Gatehouse's own OpenAPI document, fetched from a running server, is good enough to generate a typed
// client: openapi-typescript generates the types, tsc type-checks a program that uses them with
// openapi-fetch, the same client calls the server, and Redocly's recommended ruleset finds no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import createClient from 'openapi-fetch';
import { startGatehouse } from './harness.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const require = createRequire(import.meta.url);
const BUILD = join(root, 'build', 'openapi');

let gh;
let doc;
const DOC = join(BUILD, 'gatehouse.json');

before(async () => {
  // Started with a public URL of its own (not the default http://localhost:PORT), which servers must name.
  gh = await startGatehouse({ publicUrl: (port) => `http://127.0.0.1:${port}` });
  const r = await fetch(`${gh.origin}/v1/openapi.json`);
  assert.equal(r.status, 200);
  doc = await r.json();
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(DOC, JSON.stringify(doc, null, 1));
});

after(() => gh?.stop());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = () => Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op })));
const shape = (path) => path.replace(/\{[^}]+\}/g, '{}');
const deref = (node) => {
  while (node?.$ref) node = node.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k.replace(/~1/g, '/')], doc);
  return node;
};

test('the document names the public URL, GitBook\'s path parameters, and every error with one schema', () => {
  assert.equal(doc.servers[0].url, gh.origin);
  const gitbook = JSON.parse(readFileSync(require.resolve('@gitbook/api/spec/openapi.json'), 'utf8'));
  const theirs = new Map(Object.keys(gitbook.paths).map((p) => [shape('/v1' + p), '/v1' + p]));
  const shared = Object.keys(doc.paths).filter((p) => theirs.has(shape(p)));
  assert.ok(shared.length > 40, `${shared.length} paths shared with GitBook`);
  const misnamed = shared.filter((p) => theirs.get(shape(p)) !== p).map((p) => `${p} (GitBook: ${theirs.get(shape(p))})`);
  assert.deepEqual(misnamed, []);
  assert.deepEqual(doc.components.schemas.Error.properties.error.properties,
    { code: { type: 'integer' }, message: { type: 'string' } });
  const missing = [];
  for (const { path, method, op } of operations()) {
    const secured = !(Array.isArray(op.security) && op.security.length === 0);
    const expected = ['400', '503', ...(secured ? ['401', '404'] : []),
      ...(method === 'get' ? [] : ['403', '409', '422'])];
    for (const status of expected) if (!op.responses[status]) missing.push(`${method} ${path} ${status}`);
    for (const [status, response] of Object.entries(op.responses)) {
      if (/^[45]|default/.test(status)
          && deref(response).content?.['application/json']?.schema?.$ref !== '#/components/schemas/Error') {
        missing.push(`${method} ${path} ${status} is not the Error schema`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

/** The properties of a request schema, through references and allOf/oneOf/anyOf: name -> its schemas. */
function bodyFields(spec, schema, out = new Map()) {
  const resolve = (node) => {
    while (node?.$ref) node = node.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k.replace(/~1/g, '/')], spec);
    return node;
  };
  const s = resolve(schema);
  if (!s) return out;
  for (const k of ['allOf', 'oneOf', 'anyOf']) for (const member of s[k] || []) bodyFields(spec, member, out);
  for (const [name, property] of Object.entries(s.properties || {})) out.set(name, [...(out.get(name) || []), property]);
  return out;
}

const requestSchema = (spec, op) => {
  let body = op.requestBody;
  while (body?.$ref) body = body.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k], spec);
  return body && (body.content['application/json'] || Object.values(body.content)[0]).schema;
};

test('every field of GitBook\'s request bodies is one the document takes, and the fixture that sends them all is GitBook\'s', () => {
  const gitbook = JSON.parse(readFileSync(require.resolve('@gitbook/api/spec/openapi.json'), 'utf8'));
  const fixture = JSON.parse(readFileSync(join(root, '..', 'src', 'test', 'resources', 'gitbook-request-fields.json'), 'utf8'));
  delete fixture._;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(gitbook, 'gitbook.json');
  const ours = new Map(operations().map(({ path, method, op }) => [`${method} ${shape(path)}`, { path, op }]));
  const problems = [];
  const covered = new Set();
  for (const [gitbookPath, item] of Object.entries(gitbook.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const served = ours.get(`${method} ${shape('/v1' + gitbookPath)}`);
      const theirs = METHODS.includes(method) && requestSchema(gitbook, op);
      if (!served || !theirs) continue;
      const name = `${method.toUpperCase()} ${served.path}`;
      covered.add(name);
      const fields = bodyFields(gitbook, theirs);
      const taken = bodyFields(doc, requestSchema(doc, served.op) || {});
      for (const field of fields.keys()) if (!taken.has(field)) problems.push(`${name}: the document does not take '${field}'`);
      // One body, or (GitBook's oneOf) one body per shape, which together send every field; "_" keys are the fixture's own.
      const bodies = Array.isArray(fixture[name]) ? fixture[name] : [fixture[name] || {}];
      const sentFields = [...new Set(bodies.flatMap((b) => Object.keys(b).filter((k) => !k.startsWith('_'))))].sort();
      if (JSON.stringify(sentFields) !== JSON.stringify([...fields.keys()].sort())) {
        problems.push(`${name}: the fixture sends ${sentFields} but GitBook's fields are ${[...fields.keys()].sort()}`);
      }
      for (const [field, value] of bodies.flatMap((b) => Object.entries(b))) {
        if (!fields.has(field)) continue;
        // A field several alternatives define takes what any of them accepts (emoji: an emoji, or null).
        const rebased = JSON.parse(JSON.stringify({ anyOf: fields.get(field) }).replace(/"\$ref":"#\//g, '"$ref":"gitbook.json#/'));
        const validate = ajv.compile(rebased);
        if (!validate(value)) problems.push(`${name}: GitBook's schema refuses '${field}': ${ajv.errorsText(validate.errors)}`);
      }
    }
  }
  for (const name of Object.keys(fixture)) if (!covered.has(name)) problems.push(`${name}: not an operation GitBook and Gatehouse share`);
  assert.deepEqual(problems, []);
  assert.ok(covered.size > 25, `${covered.size} operations with a body shared with GitBook`);
});

const PROGRAM = `// Uses the types generated from Gatehouse's document; tsc --noEmit must accept it.
import createClient from 'openapi-fetch';
import type { components, paths } from './gatehouse';

type Space = components['schemas']['Space'];
export const locationOf = (space: Space): string => space.urls.location;

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8080' });

export async function spaceLocation(spaceId: string): Promise<string> {
  const { data, error } = await client.GET('/v1/spaces/{spaceId}', { params: { path: { spaceId } } });
  if (error) throw new Error(error.error.code + ': ' + error.error.message);
  return data.urls.location;
}

type GrantPath = paths['/v1/spaces/{spaceId}/permissions/users/{userId}']['patch']['parameters']['path'];
export const grantPath: GrantPath = { spaceId: 'space', userId: 'user' };

export async function grant(spaceId: string, userId: string): Promise<number> {
  const { error, response } = await client.PATCH('/v1/spaces/{spaceId}/permissions/users/{userId}', {
    params: { path: { spaceId, userId } },
    body: { role: 'edit' },
  });
  if (error) {
    const code: number = error.error.code;
    const message: string = error.error.message;
    throw new Error(code + ': ' + message);
  }
  return response.status;
}

export async function organization(organizationId: string): Promise<string> {
  const { data } = await client.GET('/v1/orgs/{organizationId}', { params: { path: { organizationId } } });
  return data?.urls.location ?? '';
}

// The parameters are GitBook's names: the route's own names do not type-check.
// @ts-expect-error orgId is not a parameter of the document
export const byRouteName: paths['/v1/orgs/{organizationId}']['get']['parameters']['path'] = { orgId: 'o' };
// @ts-expect-error a space permission call needs both spaceId and userId
export const incomplete: GrantPath = { spaceId: 'space' };
// @ts-expect-error urls.location is a string
export const notANumber: number = ({} as Space).urls.location;
`;

test('openapi-typescript generates a client that tsc type-checks', async () => {
  const ast = await openapiTS(new URL(`${gh.origin}/v1/openapi.json`));
  writeFileSync(join(BUILD, 'gatehouse.ts'), astToString(ast));
  writeFileSync(join(BUILD, 'program.ts'), PROGRAM);
  writeFileSync(join(BUILD, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [],
      strict: true, noEmit: true, noUnusedLocals: true, exactOptionalPropertyTypes: false,
    },
    files: ['program.ts'],
  }));
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    await run(process.execPath, [tsc, '--noEmit', '-p', join(BUILD, 'tsconfig.json')], { cwd: root });
  } catch (e) {
    assert.fail(`tsc rejected the program:\n${e.stdout}${e.stderr}`);
  }
});

test('the same client reads a space and sets a grant on the running server', async () => {
  const admin = createClient({ baseUrl: doc.servers[0].url, headers: { Authorization: `Bearer ${gh.adminToken}` } });
  for (const id of ['ann', 'ben']) {
    const { response } = await admin.POST('/v1/users', { body: { id, displayName: id, email: `${id}@example.com` } });
    assert.equal(response.status, 201);
  }
  const created = await admin.POST('/v1/orgs', { body: { title: 'Org', admin: 'ann' } });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  const org = created.data;
  await admin.POST('/v1/orgs/{organizationId}/invites', {
    params: { path: { organizationId: org.id } }, body: { emails: ['ben@example.com'], role: 'read' } });
  const token = (await admin.POST('/v1/users/{userId}/tokens', { params: { path: { userId: 'ann' } }, body: {} })).data.token;
  const ann = createClient({ baseUrl: doc.servers[0].url, headers: { Authorization: `Bearer ${token}` } });
  const space = (await ann.POST('/v1/orgs/{organizationId}/spaces', {
    params: { path: { organizationId: org.id } }, body: { title: 'Space' } })).data;
  const { data, response } = await ann.GET('/v1/spaces/{spaceId}', { params: { path: { spaceId: space.id } } });
  assert.equal(response.status, 200);
  assert.equal(data.urls.location, `${gh.origin}/v1/spaces/${space.id}`);
  const granted = await ann.PATCH('/v1/spaces/{spaceId}/permissions/users/{userId}', {
    params: { path: { spaceId: space.id, userId: 'ben' } }, body: { role: 'edit' } });
  assert.equal(granted.response.status, 204);
  const missing = await ann.GET('/v1/spaces/{spaceId}', { params: { path: { spaceId: 'nowhere' } } });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.error.error.code, 404);
});

test('Redocly CLI lints the document with its recommended ruleset: no errors', async () => {
  const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  let stdout;
  try {
    ({ stdout } = await run(process.execPath, [cli, 'lint', '--extends=recommended', '--format=json', DOC], {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (e) {
    stdout = e.stdout; // a lint with errors exits non-zero; the report says which
  }
  const report = JSON.parse(stdout);
  const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer}: ${p.message}`);
  assert.equal(report.totals.errors, 0, problems.join('\n'));
  // The one warning left: the project declares no license, and the document does not invent one.
  const warnings = report.problems.filter((p) => p.severity === 'warn').map((p) => p.ruleId);
  assert.deepEqual(warnings, ['info-license'], problems.join('\n'));
  console.log(`# redocly lint (recommended): ${report.totals.errors} errors, ${report.totals.warnings} warnings (${warnings.join(', ')})`);
});
