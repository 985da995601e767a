import { Schema, SchemaAST } from 'effect'
import { JiraTimestamp } from '../src/index.js'
import { fixtureText } from './fakeJira.js'

/**
 * Jira Cloud's platform REST v3 OpenAPI description, as far as the adapter reads it (the excerpt
 * `scripts/extract-openapi.mjs` cuts from Atlassian's `swagger-v3.v3.json`), and two uses of it:
 * `compare` holds a decoder to a schema of it, `exampleOf` builds a value a schema describes.
 */

/** One schema of the description, cut to what the checks read. */
export interface Described {
  readonly type?: string | undefined
  readonly format?: string | undefined
  readonly nullable?: boolean | undefined
  readonly required?: ReadonlyArray<string> | undefined
  readonly properties?: { readonly [name: string]: Described } | undefined
  readonly items?: Described | undefined
  readonly allOf?: ReadonlyArray<Described> | undefined
  readonly $ref?: string | undefined
}

const Described: Schema.Schema<Described> = Schema.Struct({
  type: Schema.optional(Schema.String),
  format: Schema.optional(Schema.String),
  nullable: Schema.optional(Schema.Boolean),
  required: Schema.optional(Schema.Array(Schema.String)),
  properties: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.suspend(() => Described) })),
  items: Schema.optional(Schema.suspend(() => Described)),
  allOf: Schema.optional(Schema.Array(Schema.suspend(() => Described))),
  $ref: Schema.optional(Schema.String),
})

const Ok = Schema.Struct({
  get: Schema.Struct({
    responses: Schema.Struct({
      '200': Schema.Struct({
        content: Schema.Struct({
          'application/json': Schema.Struct({ schema: Described, example: Schema.optional(Schema.String) }),
        }),
      }),
    }),
  }),
})

const Excerpt = Schema.Struct({
  openapi: Schema.String,
  info: Schema.Struct({ title: Schema.String, version: Schema.String }),
  paths: Schema.Record({ key: Schema.String, value: Ok }),
  components: Schema.Struct({ schemas: Schema.Record({ key: Schema.String, value: Described }) }),
})

/** The excerpt, decoded. */
export const description = Schema.decodeUnknownSync(Schema.parseJson(Excerpt))(
  fixtureText('openapi/jira-platform-v3.json'),
)

const ref = (name: string): Described => ({ $ref: `#/components/schemas/${name}` })

/**
 * The issue fields the adapter asks for, typed. The description leaves `IssueBean.fields` a free
 * map; these are its own schemas for the values: `Fields` (the fields of a linked issue) for
 * `summary`, `status` and `issuetype`, `ProjectDetails`, `Resolution`, a list of `IssueLink`, and
 * `date-time` for `created` and `updated` (Jira's field metadata gives both the type `datetime`).
 */
export const ISSUE_FIELD_TYPES: Described = {
  type: 'object',
  properties: {
    summary: description.components.schemas.Fields!.properties!.summary!,
    status: description.components.schemas.Fields!.properties!.status!,
    issuetype: description.components.schemas.Fields!.properties!.issuetype!,
    project: ref('ProjectDetails'),
    resolution: ref('Resolution'),
    issuelinks: { type: 'array', items: ref('IssueLink') },
    created: { type: 'string', format: 'date-time' },
    updated: { type: 'string', format: 'date-time' },
  },
}

const ISSUE_FIELDS_NAME = 'IssueBean.fields'

const schemas: Readonly<Record<string, Described>> = {
  ...description.components.schemas,
  IssueBean: {
    ...description.components.schemas.IssueBean!,
    properties: { ...description.components.schemas.IssueBean!.properties, fields: ref(ISSUE_FIELDS_NAME) },
  },
  [ISSUE_FIELDS_NAME]: ISSUE_FIELD_TYPES,
}

/** A schema with its `$ref` followed and its `allOf` merged; `name` is the last schema named. */
interface Resolved {
  readonly name: string
  readonly node: Described
}

const resolve = (node: Described, name: string): Resolved => {
  if (node.$ref !== undefined) {
    const target = node.$ref.replace('#/components/schemas/', '')
    return resolve(schemas[target]!, target)
  }
  if (node.allOf === undefined) return { name, node }
  const parts = node.allOf.map((part) => resolve(part, name))
  return {
    name: parts.length === 1 ? parts[0]!.name : name,
    node: {
      ...node,
      allOf: undefined,
      type: node.type ?? parts.find((part) => part.node.type !== undefined)?.node.type,
      format: node.format ?? parts.find((part) => part.node.format !== undefined)?.node.format,
      nullable: node.nullable === true || parts.some((part) => part.node.nullable === true),
      properties: Object.assign({}, node.properties, ...parts.map((part) => part.node.properties ?? {})),
      required: [...(node.required ?? []), ...parts.flatMap((part) => part.node.required ?? [])],
    },
  }
}

/** What a value of the description is: a JSON type, or a `date-time` string; `any` when untyped. */
type Kind = 'string' | 'date-time' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'any'

const kindOf = (node: Described): Kind =>
  node.type === 'string' && node.format === 'date-time'
    ? 'date-time'
    : node.type === 'string' ||
        node.type === 'integer' ||
        node.type === 'number' ||
        node.type === 'boolean' ||
        node.type === 'array' ||
        node.type === 'object'
      ? node.type
      : node.properties !== undefined
        ? 'object'
        : 'any'

/** The kinds of value a decoder accepts on the wire (a plain string decoder takes `date-time`s too). */
const accepted = (ast: SchemaAST.AST): ReadonlyArray<Kind> => {
  if (ast === JiraTimestamp.ast) return ['date-time']
  if (SchemaAST.isTransformation(ast) || SchemaAST.isRefinement(ast)) return accepted(ast.from)
  if (SchemaAST.isSuspend(ast)) return accepted(ast.f())
  if (SchemaAST.isUnion(ast)) return ast.types.flatMap(accepted)
  if (SchemaAST.isStringKeyword(ast)) return ['string']
  if (SchemaAST.isNumberKeyword(ast)) return ['integer', 'number']
  if (SchemaAST.isBooleanKeyword(ast)) return ['boolean']
  if (SchemaAST.isTupleType(ast)) return ['array']
  if (SchemaAST.isTypeLiteral(ast)) return ['object']
  if (SchemaAST.isLiteral(ast) && ast.literal === null) return ['null']
  return []
}

/** The objects and arrays a decoder accepts, to walk into. */
const containers = (ast: SchemaAST.AST): ReadonlyArray<SchemaAST.TypeLiteral | SchemaAST.TupleType> => {
  if (ast === JiraTimestamp.ast) return []
  if (SchemaAST.isTransformation(ast) || SchemaAST.isRefinement(ast)) return containers(ast.from)
  if (SchemaAST.isSuspend(ast)) return containers(ast.f())
  if (SchemaAST.isUnion(ast)) return ast.types.flatMap(containers)
  return SchemaAST.isTypeLiteral(ast) || SchemaAST.isTupleType(ast) ? [ast] : []
}

/** What `compare` found: disagreements, and what the decoder requires that the description does not. */
export interface Comparison {
  readonly problems: ReadonlyArray<string>
  readonly requiredBeyond: ReadonlyArray<string>
}

/**
 * Every field a decoder reads, held to the schema it decodes: the field is a property of the
 * schema, accepts the schema's type (a `date-time` where the schema says so, null where it says
 * `nullable`), and, when the decoder requires it, is `required` there, else listed in
 * `requiredBeyond`. Paths read `$.issues[].fields.status.id`.
 */
export const compare = (ast: SchemaAST.AST, node: Described, at = '$', name = '$'): Comparison => {
  const resolved = resolve(node, name)
  const problems: string[] = []
  const requiredBeyond: string[] = []
  for (const container of containers(ast)) {
    if (SchemaAST.isTupleType(container)) {
      const element = container.rest[0]?.type
      if (element === undefined || resolved.node.items === undefined) continue
      const inner = compare(element, resolved.node.items, `${at}[]`, resolved.name)
      problems.push(...inner.problems)
      requiredBeyond.push(...inner.requiredBeyond)
      continue
    }
    for (const property of container.propertySignatures) {
      const field = String(property.name)
      const path = `${at}.${field}`
      const said = resolved.node.properties?.[field]
      if (said === undefined) {
        problems.push(`${path}: not a property of ${resolved.name}`)
        continue
      }
      const value = resolve(said, resolved.name)
      const kind = kindOf(value.node)
      const ours = accepted(property.type)
      if (kind !== 'any' && !ours.includes(kind) && !(kind === 'date-time' && ours.includes('string')))
        problems.push(`${path}: decoder reads ${ours.join(' | ')}, ${resolved.name}.${field} is ${kind}`)
      if (value.node.nullable === true && !ours.includes('null'))
        problems.push(`${path}: decoder refuses null, ${resolved.name}.${field} is nullable`)
      if (!property.isOptional && !(resolved.node.required ?? []).includes(field)) requiredBeyond.push(path)
      const inner = compare(property.type, said, path, resolved.name)
      problems.push(...inner.problems)
      requiredBeyond.push(...inner.requiredBeyond)
    }
  }
  return { problems, requiredBeyond }
}

/** The response schema of an operation (`/rest/api/3/search/jql`). */
export const responseOf = (path: string): Described =>
  description.paths[path]!.get.responses['200'].content['application/json'].schema

/** The example the description gives for an operation's response, as JSON text. */
export const exampleTextOf = (path: string): string | undefined =>
  description.paths[path]!.get.responses['200'].content['application/json'].example

/** The time every generated `date-time` holds, in Jira's form. */
export const EXAMPLE_TIME = '2026-03-03T10:02:11.000+0000'

/**
 * A value of a schema with every property filled: strings name their schema and property
 * (`StatusDetails.id`), `date-time`s are {@link EXAMPLE_TIME}, integers 1, booleans true, arrays
 * one element; a schema already being filled further up is left out (the description's cycles).
 */
export const exampleOf = (node: Described, name = '$', filling: ReadonlyArray<string> = []): unknown => {
  const target = node.$ref?.replace('#/components/schemas/', '')
  if (target !== undefined && filling.includes(target)) return undefined
  const resolved = resolve(node, name)
  const within = target === undefined ? filling : [...filling, target]
  switch (kindOf(resolved.node)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(resolved.node.properties ?? {}).flatMap(([field, value]) => {
          const filled = exampleOf(value, `${resolved.name}.${field}`, within)
          return filled === undefined ? [] : [[field, filled]]
        }),
      )
    case 'array': {
      const item =
        resolved.node.items === undefined ? undefined : exampleOf(resolved.node.items, name, within)
      return item === undefined ? [] : [item]
    }
    case 'date-time':
      return EXAMPLE_TIME
    case 'string':
      return name
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return true
    default:
      return {}
  }
}
