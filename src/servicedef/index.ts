// The service definition file (the `service-definition` input, the environment's `service-definition` key): loaded
// per service, checked against the ECS model and the running service, and folded under the inputs.
import type { Service } from '@aws-sdk/client-ecs'
import type { PlannedInputs } from '../settings/placeholder-values.js'
import { loadServiceDefinition } from './definition-file.js'
import { definitionRequest, withInputsOver } from './to-settings.js'

export { loadServiceDefinition, type ServiceDefinition } from './definition-file.js'
export { definitionRequest, withInputsOver, type ServiceRequest } from './to-settings.js'

/**
 * The inputs for one service with its service definition under them (inputs win, and the notes say where they did);
 * the inputs as they are without one.
 */
export async function withServiceDefinition(
  inputs: PlannedInputs,
  service: Service,
  placeholders: Record<string, string>,
  workspace: string,
): Promise<{ inputs: PlannedInputs; notes: string[] }> {
  if (inputs.serviceDefinition === undefined) return { inputs, notes: [] }
  const loaded = await loadServiceDefinition(inputs.serviceDefinition, placeholders, workspace)
  const file = definitionRequest(loaded, service)
  // The strategy's alarms (`deployment-alarms`) are set by the mechanism, over the file's.
  const fileAlarms = file.serviceSettings?.definition?.alarms
  const notes = [...loaded.notes]
  if (fileAlarms && inputs.strategy.deploymentAlarms.length && file.serviceSettings?.definition) {
    delete file.serviceSettings.definition.alarms
    notes.push(`deploymentConfiguration.alarms: \`deployment-alarms\` wins over ${loaded.source}`)
  }
  const { request, notes: wins } = withInputsOver(file, inputs, loaded.source)
  const { desiredCount: _count, serviceSettings: _settings, ...rest } = inputs
  return { inputs: { ...rest, ...request }, notes: [...notes, ...wins] }
}
