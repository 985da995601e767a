// Preloaded into each measured process: reports its peak resident memory when it exits.
process.on('exit', () => {
  process.stderr.write(`\nHERBIE_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`)
})
