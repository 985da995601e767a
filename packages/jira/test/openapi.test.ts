import { Either, ParseResult, Schema, type SchemaAST } from 'effect'
import { describe, expect, it } from 'vitest'
import {
  ChangelogPage,
  CloudSearchPage,
  DataCenterSearchPage,
  ISSUE_FIELDS,
  Issue,
  JiraTimestamp,
  Status,
} from '../src/index.js'
import {
  compare,
  description,
  EXAMPLE_TIME,
  exampleOf,
  exampleTextOf,
  ISSUE_FIELD_TYPES,
  responseOf,
} from './openapi.js'

const SEARCH = '/rest/api/3/search/jql'
const CHANGELOG = '/rest/api/3/issue/{issueIdOrKey}/changelog'
const STATUSES = '/rest/api/3/status'

/** What a stage event cannot do without, in an issue (see SOURCES.md, "Schema decisions"). */
const ISSUE_NEEDS = [
  '.id',
  '.key',
  '.fields',
  '.fields.status',
  '.fields.status.id',
  '.fields.status.name',
  '.fields.created',
  '.fields.updated',
]
/** ... and in a history of its changelog. */
const HISTORY_NEEDS = ['.id', '.created']

const under = (at: string, paths: ReadonlyArray<string>) => paths.map((path) => `${at}${path}`)

const CASES: ReadonlyArray<readonly [string, SchemaAST.AST, string, ReadonlyArray<string>]> = [
  [
    `CloudSearchPage (GET ${SEARCH})`,
    CloudSearchPage.ast,
    SEARCH,
    [...under('$.issues[]', ISSUE_NEEDS), ...under('$.issues[].changelog.histories[]', HISTORY_NEEDS)],
  ],
  [`ChangelogPage (GET ${CHANGELOG})`, ChangelogPage.ast, CHANGELOG, under('$.values[]', HISTORY_NEEDS)],
  [`Status (GET ${STATUSES})`, Schema.Array(Status).ast, STATUSES, ['$[].id', '$[].name']],
]

describe("the decoders against Atlassian's OpenAPI description of Jira Cloud (REST v3)", () => {
  it('is the description the excerpt was cut from', () => {
    expect([description.openapi, description.info.title, description.info.version]).toEqual([
      '3.0.1',
      'The Jira Cloud platform REST API',
      '1001.0.0-SNAPSHOT-57a0ca5b4a0bb0ac5f3fee4764acb1c14e4d7e71',
    ])
  })

  it('types every issue field the adapter asks for', () => {
    expect(Object.keys(ISSUE_FIELD_TYPES.properties ?? {}).sort()).toEqual(ISSUE_FIELDS.split(',').sort())
  })

  it.each(CASES)(
    '%s reads only described fields, with their types, and requires only what the description or a stage event needs',
    (_name, ast, path, needs) => {
      expect(compare(ast, responseOf(path))).toEqual({ problems: [], requiredBeyond: needs })
    },
  )

  it('Issue (GET /rest/api/3/issue/{key}) is held to IssueBean the same way', () => {
    expect(compare(Issue.ast, { $ref: '#/components/schemas/IssueBean' })).toEqual({
      problems: [],
      requiredBeyond: [...under('$', ISSUE_NEEDS), ...under('$.changelog.histories[]', HISTORY_NEEDS)],
    })
  })

  it("DataCenterSearchPage is held to SearchResults, the page of Cloud's older GET /rest/api/3/search that Data Center's GET /rest/api/2/search also returns", () => {
    expect(compare(DataCenterSearchPage.ast, { $ref: '#/components/schemas/SearchResults' })).toEqual({
      problems: [],
      requiredBeyond: [
        ...under('$.issues[]', ISSUE_NEEDS),
        ...under('$.issues[].changelog.histories[]', HISTORY_NEEDS),
      ],
    })
  })

  it('the check sees what it checks: fields of the wrong type, one the description lacks, and what is required beyond it', () => {
    const wrong = Schema.Array(
      Schema.Struct({
        ...Status.fields,
        id: Schema.Number,
        name: JiraTimestamp,
        statusCategory: Schema.Struct({ key: Schema.String, colour: Schema.optional(Schema.String) }),
      }),
    )
    expect(compare(wrong.ast, responseOf(STATUSES))).toEqual({
      problems: [
        '$[].id: decoder reads integer | number, StatusDetails.id is string',
        '$[].name: decoder reads date-time, StatusDetails.name is string',
        '$[].statusCategory.colour: not a property of StatusCategory',
      ],
      requiredBeyond: ['$[].id', '$[].name', '$[].statusCategory', '$[].statusCategory.key'],
    })
  })
})

/** The history an example built from the description holds: every described property filled. */
const history = {
  id: 'Changelog.id',
  created: EXAMPLE_TIME,
  items: [
    {
      field: 'ChangeDetails.field',
      fieldId: 'ChangeDetails.fieldId',
      from: 'ChangeDetails.from',
      fromString: 'ChangeDetails.fromString',
      to: 'ChangeDetails.to',
      toString: 'ChangeDetails.toString',
    },
  ],
}

describe('responses built from the description decode', () => {
  it(`GET ${SEARCH}: a page with every described property filled`, () => {
    const page = Schema.decodeUnknownSync(CloudSearchPage)(exampleOf(responseOf(SEARCH)))
    const linked = { id: 'LinkedIssue.id', key: 'LinkedIssue.key' }
    expect(page).toEqual({
      issues: [
        {
          id: 'IssueBean.id',
          key: 'IssueBean.key',
          fields: {
            summary: 'IssueBean.fields.summary',
            status: {
              id: 'StatusDetails.id',
              name: 'StatusDetails.name',
              statusCategory: { id: 1, key: 'StatusCategory.key', name: 'StatusCategory.name' },
            },
            issuetype: { id: 'IssueTypeDetails.id', name: 'IssueTypeDetails.name' },
            project: { id: 'ProjectDetails.id', key: 'ProjectDetails.key' },
            created: EXAMPLE_TIME,
            updated: EXAMPLE_TIME,
            resolution: { id: 'Resolution.id', name: 'Resolution.name' },
            issuelinks: [
              {
                id: 'IssueLink.id',
                type: {
                  name: 'IssueLinkType.name',
                  inward: 'IssueLinkType.inward',
                  outward: 'IssueLinkType.outward',
                },
                inwardIssue: linked,
                outwardIssue: linked,
              },
            ],
          },
          changelog: { startAt: 1, maxResults: 1, total: 1, histories: [history] },
        },
      ],
      nextPageToken: 'SearchAndReconcileResults.nextPageToken',
      isLast: true,
    })
  })

  it(`GET ${CHANGELOG}: a page with every described property filled, and the description's own example`, () => {
    expect(Schema.decodeUnknownSync(ChangelogPage)(exampleOf(responseOf(CHANGELOG)))).toEqual({
      startAt: 1,
      maxResults: 1,
      total: 1,
      isLast: true,
      values: [history],
    })
    const item = { field: 'fields', fieldId: 'fieldId', from: null, to: null }
    expect(Schema.decodeUnknownSync(Schema.parseJson(ChangelogPage))(exampleTextOf(CHANGELOG))).toEqual({
      startAt: 2,
      maxResults: 2,
      total: 5,
      isLast: false,
      values: [
        {
          id: '10001',
          created: '1970-01-18T06:27:50.429+0000',
          items: [{ ...item, fromString: '', toString: 'label-1' }],
        },
        {
          id: '10002',
          created: '1970-01-18T06:27:51.429+0000',
          items: [{ ...item, fromString: 'label-1', toString: 'label-1 label-2' }],
        },
      ],
    })
  })

  it(`GET ${STATUSES}: the description's own example`, () => {
    expect(Schema.decodeUnknownSync(Schema.parseJson(Schema.Array(Status)))(exampleTextOf(STATUSES))).toEqual(
      [
        {
          id: '10000',
          name: 'In Progress',
          statusCategory: { id: 1, key: 'in-flight', name: 'In Progress' },
        },
        { id: '5', name: 'Closed', statusCategory: { id: 9, key: 'completed' } },
      ],
    )
  })

  it(`GET ${SEARCH}: the description's own example is refused, for lacking the fields the adapter asks for`, () => {
    const { issues } = Schema.decodeUnknownSync(
      Schema.parseJson(Schema.Struct({ issues: Schema.Array(Schema.Unknown) })),
    )(exampleTextOf(SEARCH))
    const decoded = Schema.decodeUnknownEither(Issue, { errors: 'all' })(issues[0])
    expect(
      Either.isLeft(decoded) &&
        ParseResult.ArrayFormatter.formatErrorSync(decoded.left).map((issue) => [
          issue.path.join('.'),
          issue.message,
        ]),
    ).toEqual([
      ['fields.status', 'is missing'],
      ['fields.created', 'is missing'],
      ['fields.updated', 'Expected string, actual 1'],
    ])
  })
})
