#!/usr/bin/env node
// The API contract's tooling, run on an OpenAPI document written by the API
// (see test/api-contract.int-spec.ts, which writes `/docs-json` to a file):
//
//   node scripts/api-contract.mjs check <document.json>   validate, lint, and fail when the
//                                                         committed client types are stale
//   node scripts/api-contract.mjs write <document.json>   validate, lint, and write them
//
// `npm run api:client` runs the spec with the stack and `write`.
// Validation is strict (the official OpenAPI 3.1 JSON schema); linting uses
// Redocly's recommended rules with the exceptions in redocly.yaml.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createConfig, formatProblems, getTotals, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT_TYPES = path.join(root, 'libs/api-client/src/schema.ts');
const HEADER =
  '// The Newsdesk API as TypeScript types, generated from its OpenAPI document\n' +
  '// (`/docs-json`) by openapi-typescript. Do not edit: run `npm run api:client`.\n\n';

const [mode, file] = process.argv.slice(2);
if (!['check', 'write'].includes(mode) || !file) {
  console.error('usage: api-contract.mjs check|write <document.json>');
  process.exit(2);
}
const source = fs.readFileSync(file, 'utf8');
const document = JSON.parse(source);
let failed = false;

const validation = await new Validator({ strict: true }).validate(document);
if (!validation.valid) {
  failed = true;
  console.error('the document is not valid OpenAPI:', JSON.stringify(validation.errors, null, 2));
} else console.log(`valid OpenAPI ${document.openapi} (strict)`);

const config = await createConfig(fs.readFileSync(path.join(root, 'redocly.yaml'), 'utf8'));
const problems = await lintFromString({ source, absoluteRef: path.resolve(file), config });
const totals = getTotals(problems);
if (problems.length) formatProblems(problems, { format: 'codeframe', totals, version: '' });
console.log(`lint: ${totals.errors} error(s), ${totals.warnings} warning(s)`);
if (totals.errors > 0 || totals.warnings > 0) failed = true;

const types = await prettier.format(
  HEADER + astToString(await openapiTS(document, { alphabetize: true })),
  { ...(await prettier.resolveConfig(CLIENT_TYPES)), parser: 'typescript' },
);
const committed = fs.existsSync(CLIENT_TYPES) ? fs.readFileSync(CLIENT_TYPES, 'utf8') : '';
if (mode === 'write') {
  fs.writeFileSync(CLIENT_TYPES, types);
  console.log(`wrote ${path.relative(root, CLIENT_TYPES)}`);
} else if (types !== committed) {
  failed = true;
  console.error(
    `${path.relative(root, CLIENT_TYPES)} is stale: the API's document changed. Run \`npm run api:client\` and commit it.`,
  );
} else console.log('the client types match the document');
process.exit(failed ? 1 : 0);
