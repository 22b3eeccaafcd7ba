// The CLI's GitHub client is the action's (src/action/ is the one folder that imports the @actions and @octokit packages).
export { gitHubClient } from '../action/github.js'
