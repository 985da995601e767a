import { layerMemoryEventStore } from '@herbie/core'
import { eventStoreContract } from '../src/eventStoreContract.js'

eventStoreContract('memory', () => layerMemoryEventStore())
