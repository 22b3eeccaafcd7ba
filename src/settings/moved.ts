// The inputs that left the step for the config file (or became a `mode`), from the settings table's `movedTo`.
import { movedInputs, type MovedTo } from './table.js'

export { movedMessage, movedText, type MovedTo } from './table.js'

/** Each moved input (and moved official alias) by its name, in the table's order. */
export const MOVED_INPUTS: Readonly<Record<string, MovedTo>> = movedInputs()
