import type { RegisterTaskDefinitionCommandInput, Service } from '@aws-sdk/client-ecs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { appSpecDocument, ecsAppSpec } from '../common/appspec-template.js'

/** What CodePipeline's ECS actions read, for teams that keep their pipeline files while moving over. */
export interface PipelineArtifacts {
  /** Standard ECS deploy action: `[{ name, imageUri }]` per container that got the image. */
  'imagedefinitions.json': { name: string; imageUri: string }[]
  /** ECS (Blue/Green) deploy action: the image for the <IMAGE1_NAME> placeholder. */
  'imageDetail.json': { ImageURI: string }
  /** ECS (Blue/Green) deploy action: the task definition with the image as <IMAGE1_NAME>. */
  'taskdef.json': RegisterTaskDefinitionCommandInput
  /** ECS (Blue/Green) deploy action: the AppSpec with <TASK_DEFINITION> for CodeDeploy to fill. */
  'appspec.yaml'?: unknown
}

/** The files, as CodePipeline's actions expect them, for one service's rendered task definition. */
export function pipelineArtifacts(
  request: RegisterTaskDefinitionCommandInput,
  containers: string[],
  image: string,
  service: Service,
): PipelineArtifacts {
  const taskdef = {
    ...request,
    containerDefinitions: (request.containerDefinitions ?? []).map((c) =>
      containers.includes(c.name ?? '') ? { ...c, image: '<IMAGE1_NAME>' } : c,
    ),
  }
  const balancer = service.loadBalancers?.[0]
  return {
    'imagedefinitions.json': containers.map((name) => ({ name, imageUri: image })),
    'imageDetail.json': { ImageURI: image },
    'taskdef.json': taskdef,
    ...(balancer?.containerName && {
      'appspec.yaml': ecsAppSpec(balancer.containerName, balancer.containerPort),
    }),
  }
}

/** Writes the artifacts into `dir` and returns the paths written. */
export async function writePipelineArtifacts(dir: string, artifacts: PipelineArtifacts): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const written: string[] = []
  for (const [name, content] of Object.entries(artifacts)) {
    const file = path.join(dir, name)
    await writeFile(
      file,
      name.endsWith('.yaml') ? appSpecDocument(content).toString() : `${JSON.stringify(content, null, 2)}\n`,
    )
    written.push(file)
  }
  return written
}
