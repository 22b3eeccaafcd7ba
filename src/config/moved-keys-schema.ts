// The JSON schema of the keys settings/moved.ts moved from inputs into the environment (read by config/moved-keys.ts):
// they are not rows of the settings table's `config` field yet, so config/json-schema.ts adds them from here.
export const MOVED_KEY_SCHEMAS = {
  'artifacts-dir': {
    description:
      "Write CodePipeline's files (imagedefinitions.json, …) into this directory of the workspace; was the artifacts-dir input.",
    type: 'string',
  },
  build: {
    description: 'The rarely used build switches (were inputs of the same names; secret-files was build-secret-files).',
    type: 'object',
    additionalProperties: false,
    properties: {
      push: {
        description: 'Push the built image.',
        type: 'boolean',
      },
      'create-repository': {
        description: 'Create the ECR repository when missing.',
        type: 'boolean',
      },
      'scan-on-push': {
        description: 'With create-repository, scan on push.',
        type: 'boolean',
      },
      'immutable-tags': {
        description: 'With create-repository, immutable tags.',
        type: 'boolean',
      },
      'skip-build-if-exists': {
        description: "Reuse this commit's image built the same way.",
        type: 'boolean',
      },
      'no-cache': {
        description: 'Build without the layer cache.',
        type: 'boolean',
      },
      pull: {
        description: 'Always pull newer base images.',
        type: 'boolean',
      },
      logout: {
        description: 'Log out of the registry in the post step.',
        type: 'boolean',
      },
      'secret-files': {
        description: 'Build secrets from files: id: path (inside the workspace).',
        type: 'object',
        additionalProperties: {
          type: 'string',
        },
      },
      ssh: {
        description: 'SSH agent sockets or keys: default, or id=path.',
        anyOf: [
          {
            type: 'string',
          },
          {
            type: 'array',
            minItems: 1,
            items: {
              type: 'string',
            },
          },
        ],
      },
      provenance: {
        description: 'buildx --provenance: false, true, mode=min or mode=max.',
        type: ['boolean', 'string'],
      },
      sbom: {
        description: 'buildx --sbom: true or false.',
        type: ['boolean', 'string'],
      },
    },
  },
  codedeploy: {
    description:
      'CODE_DEPLOY services: the application, deployment group, deployment config and appspec (were the codedeploy-* and appspec inputs).',
    type: 'object',
    additionalProperties: false,
    properties: {
      appspec: {
        description: 'Path of an appspec.yml / appspec.json.',
        type: 'string',
      },
      application: {
        description: 'The CodeDeploy application (default AppECS-<cluster>-<service>).',
        type: 'string',
      },
      'deployment-group': {
        description: 'The deployment group (default DgpECS-<cluster>-<service>).',
        type: 'string',
      },
      config: {
        description: 'A deployment config by name, instead of the predefined one for strategy.',
        type: 'string',
      },
    },
  },
  'keep-revisions': {
    description:
      "After a successful deploy, deregister the family's ACTIVE revisions beyond the newest N (never one in use); was the keep-revisions input.",
    type: 'integer',
    minimum: 1,
    maximum: 1000,
  },
  'log-lines': {
    description: "On failure, how many of the failing container's last log lines to show; was the log-lines input.",
    type: 'integer',
    minimum: 0,
    maximum: 1000,
  },
  'on-busy': {
    description:
      'With another deployment in flight: wait for it, or fail having changed nothing; was the on-busy input.',
    enum: ['wait', 'fail'],
  },
  'rollback-on-failure': {
    description:
      'When the action gives up (timeout, cancellation, failed verification), ask ECS to roll back; was the rollback-on-failure input.',
    type: 'boolean',
  },
  'run-task': {
    description:
      "How the run-task input's one-off task runs (were the run-task-* inputs); the command stays the run-task input.",
    type: 'object',
    additionalProperties: false,
    properties: {
      container: {
        description: 'The container that runs the command.',
        type: 'string',
      },
      count: {
        description: 'How many tasks to start.',
        type: 'integer',
        minimum: 1,
        maximum: 10,
      },
      'launch-type': {
        description: 'FARGATE, EC2 or EXTERNAL.',
        type: 'string',
      },
      'capacity-provider-strategy': {
        description: 'name:weight:base items, or {capacityProvider, weight, base} objects.',
        type: 'array',
      },
      subnets: {
        description: 'Subnet IDs (awsvpc).',
        anyOf: [
          {
            type: 'string',
          },
          {
            type: 'array',
            minItems: 1,
            items: {
              type: 'string',
            },
          },
        ],
      },
      'security-groups': {
        description: 'Security group IDs.',
        anyOf: [
          {
            type: 'string',
          },
          {
            type: 'array',
            minItems: 1,
            items: {
              type: 'string',
            },
          },
        ],
      },
      'assign-public-ip': {
        description: 'ENABLED or DISABLED.',
        type: 'string',
      },
      tags: {
        description: 'Tags: key: value, or a list of {key, value}.',
        type: ['object', 'array'],
      },
      overrides: {
        description: "RunTask's overrides (cpu, memory, roles, containerOverrides…).",
        type: 'object',
      },
    },
  },
  'wait-until': {
    description:
      'Stop following at this point and report paused: test-traffic-shifted (ready), scaled-up, production-traffic-shifted, or a stage ECS can pause at; was the wait-until input.',
    type: 'string',
  },
} as const

export const MOVED_SERVICE_SETTING_SCHEMAS = {
  'volume-configurations': {
    description:
      'EBS volumes attached at launch, as UpdateService takes them ([] removes them); was the volume-configurations input.',
    type: 'array',
    items: {
      type: 'object',
    },
  },
  'deployment-circuit-breaker': {
    description:
      'keep, rollback (enable with rollback), enable or disable the circuit breaker; was the deployment-circuit-breaker input.',
    enum: ['keep', 'rollback', 'enable', 'disable'],
  },
} as const
