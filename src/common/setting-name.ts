// How a message names a setting: a config-file key (a dotted path, or an environment's own key) or an input.

const ENVIRONMENT_KEYS = new Set(['artifacts-dir', 'capacity-prices'])

/** `Config key \`verify.url\`` or `Input \`run-task\``. */
export function settingName(name: string): string {
  return name.includes('.') || ENVIRONMENT_KEYS.has(name) ? `Config key \`${name}\`` : `Input \`${name}\``
}
