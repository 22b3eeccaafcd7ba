// Identifiers and ARNs in the formats AWS uses, for the one fake account and region of the stack.
import { randomBytes, randomInt, randomUUID } from 'node:crypto'

export const ACCOUNT = '123456789012'
export const REGION = 'us-east-1'

const arn = (service, resource) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`

export const clusterArn = (cluster) => arn('ecs', `cluster/${cluster}`)
export const serviceArn = (cluster, service) => arn('ecs', `service/${cluster}/${service}`)
export const taskArn = (cluster, id) => arn('ecs', `task/${cluster}/${id}`)
export const containerArn = (cluster, taskId) => arn('ecs', `container/${cluster}/${taskId}/${randomUUID()}`)
export const taskDefinitionArn = (family, revision) => arn('ecs', `task-definition/${family}:${revision}`)
export const serviceRevisionArn = (cluster, service, id) => arn('ecs', `service-revision/${cluster}/${service}/${id}`)
export const serviceDeploymentArn = (cluster, service, id) =>
  arn('ecs', `service-deployment/${cluster}/${service}/${id}`)
export const ecrRepositoryArn = (name) => arn('ecr', `repository/${name}`)
export const codedeployArn = (kind, name) => arn('codedeploy', `${kind}:${name}`)

/** The last path segment of an ARN, or the value itself when it is a plain name. */
export const nameFromArn = (value) => (value.startsWith('arn:') ? value.split('/').pop() : value)

/** 32 lowercase hex digits, like an ECS task id. */
export const taskId = () => randomBytes(16).toString('hex')

/** 19 decimal digits, like the number in `ecs-svc/4980306466373577095` and in service revision ARNs. */
export const nineteenDigits = () =>
  String(randomInt(1, 10)) + Array.from({ length: 18 }, () => randomInt(0, 10)).join('')

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
/** Random letters and digits, like the last part of a service deployment ARN (`ejGvqq2ilnbKT9qj0vLJe`). */
export const alnum = (length) => Array.from({ length }, () => ALNUM[randomInt(0, ALNUM.length)]).join('')

/** CodeDeploy deployment id: `d-` and 9 upper-case letters/digits. */
export const codedeployDeploymentId = () =>
  'd-' + Array.from({ length: 9 }, () => ALNUM[randomInt(0, 36)].toUpperCase()).join('')

export const uuid = () => randomUUID()
