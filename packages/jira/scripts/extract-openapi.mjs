/**
 * Re-extracts the excerpt of Jira Cloud's platform REST v3 OpenAPI description that
 * `test/openapi.test.ts` holds the decoders to:
 * `pnpm --filter @herbie/jira openapi <path to swagger-v3.v3.json>`.
 *
 * Kept: for each Cloud operation the adapter calls, its 200 response (schema and example); every
 * component schema those responses reach (and the few more the test reads, below), each cut
 * to `type`, `format`, `nullable`, `required`, `properties`, `items`, `allOf` and `$ref`, in the
 * source's order. Record the source's repository, path and commit in `test/fixtures/SOURCES.md`.
 */
import { readFileSync, writeFileSync } from 'node:fs'

const OPERATIONS = [
  '/rest/api/3/search/jql',
  '/rest/api/3/issue/{issueIdOrKey}/changelog',
  '/rest/api/3/status',
]

/**
 * Schemas the test needs beyond what the responses reach: the types of the issue fields asked for,
 * and the page of Cloud's older search (`GET /rest/api/3/search`), Data Center's envelope.
 */
const EXTRA_SCHEMAS = ['Fields', 'IssueLink', 'ProjectDetails', 'Resolution', 'SearchResults']

const KEPT = ['type', 'format', 'nullable', 'required', 'properties', 'items', 'allOf', '$ref']

const source = process.argv[2]
if (source === undefined) {
  console.error('usage: node scripts/extract-openapi.mjs <path to swagger-v3.v3.json>')
  process.exit(2)
}
const spec = JSON.parse(readFileSync(source, 'utf8'))

const trim = (node) =>
  Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => KEPT.includes(key))
      .map(([key, value]) => [
        key,
        key === 'properties'
          ? Object.fromEntries(Object.entries(value).map(([name, property]) => [name, trim(property)]))
          : key === 'items'
            ? trim(value)
            : key === 'allOf'
              ? value.map(trim)
              : value,
      ]),
  )

const refsOf = (node) =>
  typeof node !== 'object' || node === null
    ? []
    : [
        ...(typeof node.$ref === 'string' ? [node.$ref.replace('#/components/schemas/', '')] : []),
        ...Object.values(node).flatMap(refsOf),
      ]

const ok = (path) => spec.paths[path].get.responses['200'].content['application/json']

const reached = new Set()
const pending = [...OPERATIONS.flatMap((path) => refsOf(ok(path).schema)), ...EXTRA_SCHEMAS]
while (pending.length > 0) {
  const name = pending.pop()
  if (reached.has(name)) continue
  reached.add(name)
  pending.push(...refsOf(spec.components.schemas[name]))
}

const excerpt = {
  openapi: spec.openapi,
  info: { title: spec.info.title, version: spec.info.version },
  paths: Object.fromEntries(
    OPERATIONS.map((path) => {
      const { schema, example } = ok(path)
      const json = { schema: trim(schema), ...(example === undefined ? {} : { example }) }
      return [path, { get: { responses: { 200: { content: { 'application/json': json } } } } }]
    }),
  ),
  components: {
    schemas: Object.fromEntries(
      Object.keys(spec.components.schemas)
        .filter((name) => reached.has(name))
        .map((name) => [name, trim(spec.components.schemas[name])]),
    ),
  },
}

const target = new URL('../test/fixtures/openapi/jira-platform-v3.json', import.meta.url)
writeFileSync(target, `${JSON.stringify(excerpt, null, 2)}\n`)
console.log(`wrote ${target.pathname}: ${reached.size} schemas, ${OPERATIONS.length} operations`)
