import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Clients other than ECS load their SDK package on their first request (src/aws/clients.ts), and the SDK's
    // paginators refuse them (`instanceof`): their paged calls go through src/aws/pages.ts.
    files: ['src/**/*.ts'],
    ignores: ['src/aws/ecs.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^paginate/], ImportSpecifier[imported.name=/^paginate/]',
          message: 'The SDK paginators need the client class itself; page with everyPage (src/aws/pages.ts).',
        },
      ],
    },
  },
)
