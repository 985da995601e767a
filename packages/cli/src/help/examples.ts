/**
 * One example of a command: what it does, and the command line as a user types it.
 *
 * @since 0.1.0
 * @category help
 */
export interface Example {
  readonly about: string
  readonly command: string
}

/**
 * The examples `--help` shows, by command (`''` for `herbie` itself, `'sync github'`). Every
 * command has at least one, and each parses (the CLI tests check both).
 *
 * @since 0.1.0
 * @category help
 */
export const EXAMPLES: Readonly<Record<string, ReadonlyArray<Example>>> = {
  '': [
    { about: 'See the constraint found in the bundled sample', command: 'herbie demo' },
    { about: 'Analyse your own events', command: 'herbie analyze --events events.ndjson' },
    {
      about: 'Fetch the events of a GitHub repository first',
      command: 'herbie sync github --repo OWNER/NAME --out events.ndjson',
    },
  ],
  check: [
    {
      about: 'Fail the CI job when lead time or the review queue gets out of hand',
      command: 'herbie check --events events.ndjson --max lead-time.p85=5d --max wip.review=8',
    },
    {
      about: "A Markdown verdict for a CI job summary, with the thresholds of herbie.config.json's check",
      command: 'herbie check --events events.ndjson --format md',
    },
  ],
  analyze: [
    { about: 'The report in the terminal', command: 'herbie analyze --events events.ndjson' },
    {
      about: 'One JSON object for a script (durations in seconds)',
      command: 'herbie analyze --events events.ndjson --json > report.json',
    },
    {
      about: 'March only, on your own value stream',
      command: 'herbie analyze --events events.ndjson --stream stream.json --from 2026-03-01 --to 2026-04-01',
    },
    {
      about: "Join by pull request only, whatever the config's correlation rules",
      command: 'herbie analyze --events events.ndjson --correlate pr',
    },
  ],
  demo: [
    { about: 'The story in the terminal', command: 'herbie demo' },
    { about: 'Every number behind it', command: 'herbie demo --json' },
  ],
  events: [
    { about: 'Every stored event, as NDJSON', command: 'herbie events > events.ndjson' },
    {
      about: 'One item in March',
      command: 'herbie events --item jira:PAY-142 --from 2026-03-01 --to 2026-04-01',
    },
  ],
  export: [
    {
      about: 'Send the metrics once to an OpenTelemetry Collector',
      command: 'herbie export --events events.ndjson --otlp http://localhost:4318',
    },
    {
      about: 'To a backend that wants JSON and an API key',
      command:
        'herbie export --events events.ndjson --otlp https://otlp.example.com --protocol http/json --headers x-api-key=KEY',
    },
    {
      about: 'Serve them for Prometheus to scrape, until Ctrl-C',
      command: 'herbie export --events events.ndjson --prometheus 9464',
    },
  ],
  forecast: [
    {
      about: 'When will the next 20 items be done?',
      command: 'herbie forecast --events events.ndjson --items 20',
    },
    {
      about: 'How many items by the end of June?',
      command: 'herbie forecast --events events.ndjson --by 2026-06-30',
    },
  ],
  import: [
    { about: 'Store the events of a file', command: 'herbie import events.ndjson' },
    {
      about: 'Store the valid lines of a file in another store',
      command: 'herbie import events.ndjson.gz --skip-invalid --store team/events.sqlite',
    },
  ],
  item: [
    { about: 'One item, its joins, stays and events', command: 'herbie item jira:PAY-142' },
    { about: 'The same as JSON', command: 'herbie item github:acme/api#42 --json' },
  ],
  simulate: [
    {
      about: 'One more reviewer',
      command: 'herbie simulate --events events.ndjson --scenario "capacity review=+1"',
    },
    {
      about: 'Faster coding against a WIP limit on review, side by side',
      command:
        'herbie simulate --events events.ndjson --scenario "speedup develop=1.4" --scenario "wip-limit review=3"',
    },
  ],
  sync: [
    { about: 'Every source of herbie.config.json, into its out file', command: 'herbie sync' },
    {
      about: 'One source of another config, into another file',
      command: 'herbie sync --config ci/herbie.config.json --source payments --out events.ndjson',
    },
  ],
  'sync github': [
    {
      about: 'A repository, with a token (anonymous requests are limited to 60 an hour)',
      command: 'GITHUB_TOKEN=$(gh auth token) herbie sync github --repo OWNER/NAME --out events.ndjson',
    },
    {
      about: 'Two repositories, from January on',
      command:
        'herbie sync github --repo acme/api --repo acme/web --since 2026-01-01T00:00:00Z --out events.ndjson',
    },
    {
      about: 'GitHub Enterprise Server',
      command:
        'herbie sync github --repo team/app --base-url https://github.example.com/api/v3 --out events.ndjson',
    },
  ],
  'sync gitlab': [
    {
      about: 'A project on gitlab.com, with a token that has read_api',
      command: 'GITLAB_TOKEN=glpat-... herbie sync gitlab --project group/app --out events.ndjson',
    },
    {
      about: 'Every project of a group on a self-managed GitLab',
      command:
        'herbie sync gitlab --group platform --base-url https://gitlab.example.com --out events.ndjson',
    },
  ],
  'sync jenkins': [
    {
      about: 'Every job the user can see, with an API token',
      command:
        'JENKINS_USER=me JENKINS_TOKEN=... herbie sync jenkins --base-url https://ci.example.com/jenkins --out events.ndjson',
    },
    {
      about: 'One multibranch project only',
      command:
        'herbie sync jenkins --base-url https://ci.example.com/jenkins --job payments --out events.ndjson',
    },
  ],
  'sync jira': [
    {
      about: 'A Jira Cloud project, with an email and API token',
      command:
        'JIRA_EMAIL=me@example.com JIRA_TOKEN=... herbie sync jira --base-url https://acme.atlassian.net --jql "project = PAY" --out events.ndjson',
    },
    {
      about: 'Jira Data Center, with a personal access token',
      command:
        'JIRA_TOKEN=... herbie sync jira --base-url https://jira.example.com --jql "project = PAY AND type = Bug" --out events.ndjson',
    },
  ],
  'sync argocd': [
    {
      about: 'Every application the token can see',
      command:
        'ARGOCD_TOKEN=... herbie sync argocd --base-url https://argocd.example.com --out events.ndjson',
    },
    {
      about: 'Two applications only',
      command:
        'herbie sync argocd --base-url https://argocd.example.com --app payments-staging --app payments-prod --out events.ndjson',
    },
  ],
  'sync argo-workflows': [
    {
      about: 'The workflows of one namespace, with a service account token',
      command:
        'ARGO_TOKEN=... herbie sync argo-workflows --base-url https://argo.example.com --namespace ci --out events.ndjson',
    },
    {
      about: 'Every namespace, workflows created since March',
      command:
        'herbie sync argo-workflows --base-url https://argo.example.com --since 2026-03-01 --out events.ndjson',
    },
  ],
}
