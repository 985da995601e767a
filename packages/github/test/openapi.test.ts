import { createRequire } from 'node:module'
import { type Schema, SchemaAST } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  Deployment,
  DeploymentStatus,
  Issue,
  JobPage,
  Pull,
  TimelineEvent,
  WorkflowRun,
  WorkflowRunPage,
} from '../src/index.js'

/**
 * Every field the adapter's decoders read, checked against GitHub's OpenAPI description (the
 * `@octokit/openapi` package, generated from github/rest-api-description): a field is optional in
 * the decoder exactly when the description does not list it in `required`, and accepts null
 * exactly when the description says `nullable`. For a union (the timeline's `anyOf` of event
 * kinds) a field is required when every member requires it, and nullable when any member allows
 * null.
 */

type Node = Readonly<Record<string, unknown>>

const description = createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as {
  readonly paths: Record<string, { readonly get: { readonly responses: Record<string, Node> } }>
  readonly components: { readonly schemas: Record<string, Node> }
}

const resolve = (node: Node): Node => {
  const ref = node.$ref
  if (typeof ref !== 'string') return node
  return resolve(description.components.schemas[ref.replace('#/components/schemas/', '')]!)
}

/** The alternatives a value may take: the members of an `anyOf`/`oneOf`, `allOf` merged. */
const alternatives = (node: Node): Node[] => {
  const resolved = resolve(node)
  const union = (resolved.anyOf ?? resolved.oneOf) as Node[] | undefined
  if (union !== undefined) return union.flatMap(alternatives)
  const all = resolved.allOf as Node[] | undefined
  if (all !== undefined) {
    const parts = all.flatMap(alternatives)
    return [
      {
        ...resolved,
        properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
        required: parts.flatMap((part) => (part.required as string[] | undefined) ?? []),
        nullable: parts.some((part) => part.nullable === true) || resolved.nullable === true,
      },
    ]
  }
  return [resolved]
}

const isNull = (node: Node) => node.type === 'null'

/** What the description says about one property, over all alternatives of its parents. */
interface Described {
  readonly found: boolean
  readonly required: boolean
  readonly nullable: boolean
  readonly values: Node[]
}

const describeProperty = (parents: ReadonlyArray<Node>, name: string): Described => {
  const objects = parents.flatMap(alternatives).filter((node) => !isNull(node))
  const holding = objects.filter((node) => (node.properties as Node | undefined)?.[name] !== undefined)
  const values = holding.map((node) => (node.properties as Record<string, Node>)[name]!)
  const required =
    objects.length > 0 &&
    objects.every((node) => ((node.required as string[] | undefined) ?? []).includes(name))
  const nullable = values.some(
    (value) =>
      resolve(value).nullable === true ||
      alternatives(value).some((alternative) => isNull(alternative) || alternative.nullable === true),
  )
  return { found: holding.length > 0, required, nullable, values }
}

const itemsOf = (nodes: ReadonlyArray<Node>): Node[] =>
  nodes.flatMap(alternatives).flatMap((node) => (node.items === undefined ? [] : [node.items as Node]))

/** The encoded side of a decoder: the shape it accepts on the wire. */
const unwrap = (ast: SchemaAST.AST): SchemaAST.AST => (SchemaAST.isRefinement(ast) ? unwrap(ast.from) : ast)

const membersOf = (ast: SchemaAST.AST): SchemaAST.AST[] => {
  const node = unwrap(ast)
  return SchemaAST.isUnion(node) ? node.types.flatMap(membersOf) : [node]
}

const shapeOf = (ast: SchemaAST.AST): { nullable: boolean; inner: SchemaAST.AST[] } => {
  const members = membersOf(ast)
  return {
    nullable: members.some((member) => SchemaAST.isLiteral(member) && member.literal === null),
    inner: members.filter(
      (member) =>
        !(SchemaAST.isLiteral(member) && member.literal === null) && !SchemaAST.isUndefinedKeyword(member),
    ),
  }
}

/** Each field the decoder reads, compared with the description; returns the mismatches. */
const compare = (ast: SchemaAST.AST, described: ReadonlyArray<Node>, at: string): string[] => {
  const problems: string[] = []
  for (const inner of shapeOf(ast).inner) {
    if (SchemaAST.isTupleType(inner)) {
      const element = inner.rest[0]?.type
      if (element !== undefined) problems.push(...compare(element, itemsOf(described), `${at}[]`))
      continue
    }
    if (!SchemaAST.isTypeLiteral(inner)) continue
    for (const property of inner.propertySignatures) {
      const name = String(property.name)
      const path = `${at}.${name}`
      const said = describeProperty(described, name)
      if (!said.found) {
        problems.push(`${path}: not in the description`)
        continue
      }
      const ours = shapeOf(property.type)
      if (property.isOptional === said.required)
        problems.push(
          `${path}: decoder ${property.isOptional ? 'optional' : 'required'}, description ${said.required ? 'required' : 'optional'}`,
        )
      if (ours.nullable !== said.nullable)
        problems.push(
          `${path}: decoder ${ours.nullable ? 'nullable' : 'not nullable'}, description ${said.nullable ? 'nullable' : 'not nullable'}`,
        )
      problems.push(...compare(property.type, said.values, path))
    }
  }
  return problems
}

const response = (path: string): Node => {
  const ok = description.paths[path]!.get.responses['200']! as { content: Record<string, { schema: Node }> }
  return ok.content['application/json']!.schema
}

const encoded = (schema: Schema.Schema.Any) => SchemaAST.encodedAST(schema.ast)

const array = (element: SchemaAST.AST): SchemaAST.AST =>
  new SchemaAST.TupleType([], [new SchemaAST.Type(element)], true)

const CASES: ReadonlyArray<readonly [string, string, SchemaAST.AST]> = [
  ['Pull (list)', '/repos/{owner}/{repo}/pulls', array(encoded(Pull))],
  [
    'Pull (pull requests of a commit)',
    '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    array(encoded(Pull)),
  ],
  ['TimelineEvent', '/repos/{owner}/{repo}/issues/{issue_number}/timeline', array(encoded(TimelineEvent))],
  ['Issue', '/repos/{owner}/{repo}/issues', array(encoded(Issue))],
  ['WorkflowRunPage', '/repos/{owner}/{repo}/actions/runs', encoded(WorkflowRunPage)],
  ['WorkflowRun (one run)', '/repos/{owner}/{repo}/actions/runs/{run_id}', encoded(WorkflowRun)],
  ['JobPage', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', encoded(JobPage)],
  ['Deployment (list)', '/repos/{owner}/{repo}/deployments', array(encoded(Deployment))],
  ['Deployment (one)', '/repos/{owner}/{repo}/deployments/{deployment_id}', encoded(Deployment)],
  [
    'DeploymentStatus',
    '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    array(encoded(DeploymentStatus)),
  ],
]

describe("the decoders against GitHub's OpenAPI description", () => {
  it.each(CASES)(
    '%s reads %s as described: optional and nullable exactly where it says',
    (_name, path, ast) => {
      expect(compare(ast, [response(path)], '$')).toEqual([])
    },
  )

  it('the check sees what it checks: a decoder with a required nullable field made optional is caught', () => {
    const wrong = new SchemaAST.TypeLiteral(
      [new SchemaAST.PropertySignature('merged_at', SchemaAST.stringKeyword, true, true)],
      [],
    )
    expect(compare(array(wrong), [response('/repos/{owner}/{repo}/pulls')], '$')).toEqual([
      '$[].merged_at: decoder optional, description required',
      '$[].merged_at: decoder not nullable, description nullable',
    ])
  })
})
