// The service settings given as JSON, checked against the ECS API model the SDK ships: the SDK would drop a member it
// does not know without a word (as for task definitions, see taskdef/validate.ts). Here, on the pipeline's path, and
// not where the inputs are read, so the entry does not load the SDK.
import { ServiceVolumeConfiguration$ } from '@aws-sdk/client-ecs'
import { UserError } from '../common/errors.js'
import { problemEntry } from '../common/problems.js'
import type { ServiceSettings } from '../settings/service.js'
import { modelProblems } from '../taskdef/validate.js'

/** Throws naming the first member of `volume-configurations` that UpdateService's model does not have or type. */
export function checkSettingsModel(settings: ServiceSettings): void {
  ;(settings.volumeConfigurations ?? []).forEach((item, i) => {
    const problem = modelProblems(item, ServiceVolumeConfiguration$)[0]
    if (problem) {
      throw new UserError(
        `Config key \`service-settings.volume-configurations\`, item ${i + 1} (${item.name}): ${problemEntry(problem)}. Nothing was changed.`,
      )
    }
  })
}
