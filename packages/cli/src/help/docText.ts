import type { HelpDoc, Span } from '@effect/cli'

/**
 * The plain text of a help span, without any styling.
 *
 * @since 0.1.0
 * @category help
 */
export const spanText = (span: Span.Span): string => {
  switch (span._tag) {
    case 'Text':
    case 'URI':
      return span.value
    case 'Sequence':
      return spanText(span.left) + spanText(span.right)
    case 'Highlight':
    case 'Strong':
    case 'Weak':
      return spanText(span.value)
  }
}

/**
 * The plain text of a help document on one line: its paragraphs, headers and list items joined
 * by spaces. How a parser error becomes one `error:` line.
 *
 * @since 0.1.0
 * @category help
 */
export const docText = (doc: HelpDoc.HelpDoc): string => {
  const parts: string[] = []
  const walk = (node: HelpDoc.HelpDoc): void => {
    switch (node._tag) {
      case 'Empty':
        return
      case 'Header':
      case 'Paragraph':
        parts.push(spanText(node.value).trim())
        return
      case 'DescriptionList':
        for (const [span, body] of node.definitions) {
          parts.push(spanText(span).trim())
          walk(body)
        }
        return
      case 'Enumeration':
        node.elements.forEach(walk)
        return
      case 'Sequence':
        walk(node.left)
        walk(node.right)
    }
  }
  walk(doc)
  return parts.filter((part) => part !== '').join(' ')
}
