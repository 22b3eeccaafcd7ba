import * as core from '@actions/core'
import { post, run } from './main.js'

await (core.getState('isPost') === 'true' ? post() : run())
