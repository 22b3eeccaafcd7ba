import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { pipelineArtifacts, writePipelineArtifacts } from '../../src/report/artifacts.js'

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'c'.repeat(64)
const request = {
  family: 'web',
  containerDefinitions: [
    { name: 'web', image: 'old', portMappings: [{ containerPort: 3000 }] },
    { name: 'xray', image: 'amazon/aws-xray-daemon' },
  ],
}

describe('CodePipeline artifacts', () => {
  test('have the shapes the ECS and ECS (Blue/Green) actions read', async () => {
    const artifacts = pipelineArtifacts(request, ['web'], IMAGE, {
      loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 3000 }],
    })
    const dir = mkdtempSync(path.join(tmpdir(), 'artifacts-'))
    const written = await writePipelineArtifacts(dir, artifacts)
    expect(written.map((f) => path.basename(f))).toEqual([
      'imagedefinitions.json',
      'imageDetail.json',
      'taskdef.json',
      'appspec.yaml',
    ])
    const read = (name: string) => readFileSync(path.join(dir, name), 'utf8')
    expect(JSON.parse(read('imagedefinitions.json'))).toEqual([{ name: 'web', imageUri: IMAGE }])
    expect(JSON.parse(read('imageDetail.json'))).toEqual({ ImageURI: IMAGE })
    expect(JSON.parse(read('taskdef.json')).containerDefinitions.map((c: { image: string }) => c.image)).toEqual([
      '<IMAGE1_NAME>',
      'amazon/aws-xray-daemon',
    ])
    expect(read('appspec.yaml')).toMatch(/^version: 0\.0$/m)
    expect(parse(read('appspec.yaml'))).toEqual({
      version: 0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: {
              TaskDefinition: '<TASK_DEFINITION>',
              LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 3000 },
            },
          },
        },
      ],
    })
  })

  test('without a load balancer there is no appspec', () => {
    expect(pipelineArtifacts(request, ['web'], IMAGE, {})).not.toHaveProperty('appspec.yaml')
  })
})
