// The settings' front for the doors: what the CLI's flags, help and flag terms are made from, before anything else
// loads. It re-exports the settings table only, so a door importing it loads nothing but the table (a test checks).
export {
  CLI_COMMANDS,
  DEPLOY_COMMANDS,
  isRepeatable,
  movedInputs,
  movedMessage,
  settingNamed,
  SETTINGS,
  type CliCommand,
  type Setting,
} from './table.js'
