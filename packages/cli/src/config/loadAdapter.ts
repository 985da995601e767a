import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { argocdAdapter, argoWorkflowsAdapter } from '@herbie/argo'
import { type Adapter, syncAdapter } from '@herbie/core'
import { githubAdapter } from '@herbie/github'
import { gitlabAdapter } from '@herbie/gitlab'
import { jenkinsAdapter } from '@herbie/jenkins'
import { jiraAdapter } from '@herbie/jira'
import { Effect } from 'effect'
import { ConfigFileInvalid } from './ConfigFileInvalid.js'

// biome-ignore lint/suspicious/noExplicitAny: adapters of any config and checkpoint types are loaded here
type AnyAdapter = Adapter<any, any, any, any>

/**
 * An adapter ready to run, with the `syncAdapter` of the `@herbie/core` it was built against (a
 * plugin's own copy, or the one built into the command for `github`, `gitlab`, `jenkins`, `jira`,
 * `argocd` and `argo-workflows`), and
 * options every source
 * of it gets unless the config says otherwise.
 *
 * @since 0.1.0
 * @category config
 */
export interface LoadedAdapter {
  readonly adapter: AnyAdapter
  readonly sync: typeof syncAdapter
  /** Where it came from: `built-in` or the module's file. */
  readonly from: string
  readonly defaults: () => Record<string, unknown>
}

/**
 * A built-in adapter whose options default to environment variables (option name to variable)
 * unless the config gives them; all of them, or none when one is unset. `optional` variables are
 * added when set, with the others.
 */
const builtIn = (
  adapter: AnyAdapter,
  variables: Readonly<Record<string, string>>,
  optional: Readonly<Record<string, string>> = {},
): LoadedAdapter => ({
  adapter,
  sync: syncAdapter,
  from: 'built-in',
  defaults: () => {
    const set = (entries: ReadonlyArray<readonly [string, string]>) =>
      entries.map(([option, name]) => [option, process.env[name]] as const)
    const values = set(Object.entries(variables))
    if (!values.every(([, value]) => value !== undefined && value !== '')) return {}
    return Object.fromEntries([
      ...values,
      ...set(Object.entries(optional)).filter(([, value]) => value !== undefined && value !== ''),
    ])
  },
})

const BUILT_IN: Record<string, LoadedAdapter> = {
  github: builtIn(githubAdapter, { token: 'GITHUB_TOKEN' }),
  gitlab: builtIn(gitlabAdapter, { token: 'GITLAB_TOKEN' }),
  jenkins: builtIn(jenkinsAdapter, { user: 'JENKINS_USER', token: 'JENKINS_TOKEN' }),
  jira: builtIn(jiraAdapter, { token: 'JIRA_TOKEN' }, { email: 'JIRA_EMAIL' }),
  argocd: builtIn(argocdAdapter, { token: 'ARGOCD_TOKEN' }),
  'argo-workflows': builtIn(argoWorkflowsAdapter, { token: 'ARGO_TOKEN' }),
}

interface PackageJson {
  readonly name?: string
  readonly version?: string
  readonly exports?: unknown
  readonly module?: string
  readonly main?: string
}

/** Finds `name` in the `node_modules` folders from `dir` up, as Node does; its real folder. */
const findPackage = (name: string, dir: string): { root: string; json: PackageJson } | undefined => {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name, 'package.json')
    if (existsSync(candidate)) {
      return {
        root: realpathSync(dirname(candidate)),
        json: JSON.parse(readFileSync(candidate, 'utf8')) as PackageJson,
      }
    }
    if (dirname(at) === at) return undefined
  }
}

/** The ES module entry of a package: `exports["."]` (its `import` or `default`), `module`, `main`. */
const entryOf = (json: PackageJson): string => {
  const pick = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target
    if (typeof target !== 'object' || target === null) return undefined
    const conditions = target as Record<string, unknown>
    return pick(conditions.import) ?? pick(conditions.node) ?? pick(conditions.default)
  }
  const exports = json.exports
  const root =
    typeof exports === 'object' && exports !== null && '.' in exports
      ? (exports as Record<string, unknown>)['.']
      : exports
  return pick(root) ?? json.module ?? json.main ?? 'index.js'
}

const isAdapter = (value: unknown): value is AnyAdapter => {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.backfill === 'function' &&
    typeof candidate.checkpointKey === 'function' &&
    typeof candidate.stages === 'object' &&
    candidate.config !== undefined
  )
}

/** Picks the adapter a module exports: the named one, the default, or its only adapter export. */
const pickAdapter = (module: Record<string, unknown>, exportName: string | undefined, spec: string) => {
  if (exportName !== undefined) {
    const value = module[exportName]
    return isAdapter(value) ? value : `exports no adapter named ${exportName}`
  }
  if (isAdapter(module.default)) return module.default
  const named = Object.entries(module).filter(([, value]) => isAdapter(value))
  if (named.length === 1) return named[0]![1] as AnyAdapter
  if (named.length === 0) return 'exports no adapter (a value made with defineAdapter from @herbie/core)'
  return `exports several adapters; pick one: ${named.map(([key]) => `${spec.split('#')[0]}#${key}`).join(', ')}`
}

/**
 * Loads the adapter a config names: `github`, `gitlab`, `jenkins`, `jira`, `argocd` and `argo-workflows` are built in; anything else is
 * a module found from
 * the config's folder: a package name (`herbie-plugin-bitbucket`, `@acme/herbie-linear`), with
 * `#export` to pick one of several adapters, or a path starting with `./` or `../`. The plugin's
 * own `@herbie/core` (its peer dependency, installed next to it) runs it. Every failure names the
 * config field.
 *
 * @since 0.1.0
 * @category config
 */
export const loadAdapter = (
  spec: string,
  dir: string,
  file: string,
  field: string,
): Effect.Effect<LoadedAdapter, ConfigFileInvalid> => {
  const builtIn = BUILT_IN[spec]
  if (builtIn !== undefined) return Effect.succeed(builtIn)
  const fail = (reason: string) => Effect.fail(new ConfigFileInvalid({ file, field, reason }))
  const hash = spec.lastIndexOf('#')
  const target = hash > 0 ? spec.slice(0, hash) : spec
  const exportName = hash > 0 ? spec.slice(hash + 1) : undefined
  let modulePath: string
  if (target.startsWith('./') || target.startsWith('../')) {
    modulePath = resolve(dir, target)
    if (!existsSync(modulePath)) return fail(`no module at ${modulePath}`)
  } else {
    const found = findPackage(target, dir)
    if (found === undefined) {
      return fail(
        `cannot find the package ${target} from ${dir}; install it there (npm install ${target} @herbie/core effect) or name a built-in adapter (${Object.keys(BUILT_IN).join(', ')})`,
      )
    }
    modulePath = join(found.root, entryOf(found.json))
  }
  return Effect.gen(function* () {
    const module = yield* Effect.tryPromise({
      try: () => import(pathToFileURL(modulePath).href) as Promise<Record<string, unknown>>,
      catch: (cause) =>
        new ConfigFileInvalid({
          file,
          field,
          reason: `cannot load ${modulePath}: ${(cause as Error).message}`,
        }),
    })
    const adapter = pickAdapter(module, exportName, spec)
    if (typeof adapter === 'string') return yield* fail(`${target} ${adapter}`)
    const core = findPackage('@herbie/core', dirname(modulePath))
    if (core === undefined)
      return yield* fail(`${target} needs its peer dependency @herbie/core installed next to it`)
    const coreModule = yield* Effect.tryPromise({
      try: () =>
        import(pathToFileURL(join(core.root, entryOf(core.json))).href) as Promise<{ syncAdapter?: unknown }>,
      catch: (cause) =>
        new ConfigFileInvalid({
          file,
          field,
          reason: `cannot load @herbie/core for ${target}: ${(cause as Error).message}`,
        }),
    })
    if (typeof coreModule.syncAdapter !== 'function') {
      return yield* fail(
        `${target} is installed with @herbie/core ${core.json.version ?? '?'}, which cannot run it for the command line (no syncAdapter); upgrade @herbie/core next to it`,
      )
    }
    return {
      adapter,
      sync: coreModule.syncAdapter as typeof syncAdapter,
      from: modulePath,
      defaults: () => ({}),
    }
  })
}
