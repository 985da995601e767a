import fc from 'fast-check'

// Properties run on a fixed seed so CI is reproducible; set FC_SEED to explore other samples.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) })
