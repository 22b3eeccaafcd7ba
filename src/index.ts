import * as core from '@actions/core'
import { post, run } from './main.js'

if (core.getState('isPost') === 'true') await post()
else await run()
