// The CLI's GitHub client is the action's (the one module allowed to import @actions/github).
export { gitHubClient } from '../action/github.js'
