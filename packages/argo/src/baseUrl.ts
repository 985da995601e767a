import { Schema } from 'effect'

/**
 * The address of an Argo server, `http` or `https`, with the path prefix it is served under when
 * there is one (`https://argocd.acme.example`, `https://ci.acme.example/argo`).
 *
 * @since 0.1.0
 * @category config
 */
export const BaseUrl = Schema.String.pipe(
  Schema.pattern(/^https?:\/\/[^/\s]+(\/\S*)?$/, {
    message: () => 'baseUrl is the address of the Argo server: https://argocd.example.com',
  }),
)
