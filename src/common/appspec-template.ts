// The AppSpec CodeDeploy's console writes for an ECS service, shared by the generated AppSpec and CodePipeline's files.
import { Document, type Scalar } from 'yaml'

/** AppSpec content for an ECS service behind a load balancer; CodeDeploy fills in <TASK_DEFINITION>. */
export function ecsAppSpec(containerName: string, containerPort: number | undefined): object {
  return {
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: '<TASK_DEFINITION>',
            LoadBalancerInfo: { ContainerName: containerName, ContainerPort: containerPort },
          },
        },
      },
    ],
  }
}

/** A YAML document of `content` with `version: 0.0` as CodeDeploy writes it (a plain number would print as 0). */
export function appSpecDocument(content: unknown): Document {
  const document = new Document(content)
  const version = document.get('version', true) as Scalar | undefined
  if (version) version.minFractionDigits = 1
  return document
}
