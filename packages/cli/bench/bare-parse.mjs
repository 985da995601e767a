// Baseline: read the file in chunks, split it into lines and JSON.parse every line, nothing else.
import { createReadStream } from 'node:fs'

let lines = 0
let rest = ''
for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const text = rest + chunk
  let start = 0
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    if (end > start) {
      JSON.parse(text.slice(start, end))
      lines++
    }
    start = end + 1
  }
  rest = text.slice(start)
}
if (rest.length > 0) {
  JSON.parse(rest)
  lines++
}
console.log(lines)
