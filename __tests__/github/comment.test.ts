import { previewComment, previewCommentMarker, upsertPreviewComment } from '../../src/github/comment.js'
import { fakeGitHub, git, httpError } from './fake.js'

const TIME = new Date(Date.UTC(2026, 0, 2, 15, 4, 30))
const MARKER = '<!-- ecs-deploy-action:preview:web -->'

describe('previewComment', () => {
  test('a deployed preview: URL, commit, status, time and run', () => {
    expect(
      previewComment(
        {
          service: 'web',
          status: 'deployed',
          url: 'https://pr-12.preview.example.com',
          sha: git.sha,
          time: TIME,
          runUrl: 'https://github.com/octo/app/actions/runs/7',
        },
        git,
      ),
    ).toBe(
      [
        MARKER,
        '### 🚀 Preview of `web`',
        '',
        '| URL | https://pr-12.preview.example.com |',
        '| --- | --- |',
        '| Commit | [`a1b2c3d`](https://github.com/octo/app/commit/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678) |',
        '| Status | deployed |',
        '| Updated | 2026-01-02 15:04 UTC |',
        '| Run | [logs](https://github.com/octo/app/actions/runs/7) |',
      ].join('\n'),
    )
  })

  test('a destroyed preview shows no URL; a detail goes under the table', () => {
    expect(
      previewComment(
        {
          service: 'web',
          status: 'destroyed',
          url: 'https://x',
          sha: git.sha,
          time: TIME,
          detail: 'Removed: service web-pr-12.',
        },
        git,
      ),
    ).toBe(
      [
        MARKER,
        '### 🧹 Removed the preview of `web`',
        '',
        '| Commit | [`a1b2c3d`](https://github.com/octo/app/commit/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678) |',
        '| --- | --- |',
        '| Status | destroyed |',
        '| Updated | 2026-01-02 15:04 UTC |',
        '',
        'Removed: service web-pr-12.',
      ].join('\n'),
    )
  })

  test.each([
    ['deploying', '### ⏳ Deploying the preview of `web`'],
    ['failed', '### ❌ The preview failed for `web`'],
  ] as const)('%s has its heading', (status, heading) => {
    expect(previewComment({ service: 'web', status, sha: git.sha, time: TIME }, git).split('\n')[1]).toBe(heading)
  })

  test('the marker is per service', () => {
    expect(previewCommentMarker('worker')).toBe('<!-- ecs-deploy-action:preview:worker -->')
  })
})

describe('upsertPreviewComment', () => {
  test('no earlier comment: adds one, with the marker first', async () => {
    const github = fakeGitHub()
    await expect(
      upsertPreviewComment(github, git, { pr: 12, service: 'web', body: 'hello' }, () => undefined),
    ).resolves.toEqual({ id: 100, created: true })
    expect(github.rest.issues.createComment).toHaveBeenCalledWith({
      owner: 'octo',
      repo: 'app',
      issue_number: 12,
      body: `${MARKER}\nhello`,
    })
  })

  test("updates its own comment, found on a later page, and not another service's", async () => {
    const github = fakeGitHub()
    const page1 = Array.from({ length: 100 }, (_, i) => ({
      id: i + 1,
      body: i === 3 ? '<!-- ecs-deploy-action:preview:worker -->\nx' : 'lgtm',
    }))
    github.rest.issues.listComments.mockImplementation(async ({ page }) => ({
      data:
        page === 1
          ? page1
          : [
              { id: 321, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]' } },
              { id: 322, body: null },
            ],
    }))
    const body = previewComment({ service: 'web', status: 'deployed', sha: git.sha, time: TIME }, git)
    await expect(upsertPreviewComment(github, git, { pr: 12, service: 'web', body }, () => undefined)).resolves.toEqual(
      { id: 321, created: false },
    )
    expect(github.rest.issues.updateComment).toHaveBeenCalledWith({ owner: 'octo', repo: 'app', comment_id: 321, body })
    expect(github.rest.issues.createComment).not.toHaveBeenCalled()
  })

  test("another user's comment carrying the marker is never edited: a comment of the action's own is added", async () => {
    const github = fakeGitHub()
    github.rest.issues.listComments.mockResolvedValue({
      data: [
        { id: 7, body: `${MARKER}\n[click here](https://evil.example)`, user: { login: 'mallory' } },
        { id: 8, body: `${MARKER}\nno author`, user: null },
      ],
    })
    await expect(
      upsertPreviewComment(github, git, { pr: 12, service: 'web', body: 'hello' }, () => undefined),
    ).resolves.toEqual({ id: 100, created: true })
    expect(github.rest.issues.updateComment).not.toHaveBeenCalled()
  })

  test.each([
    ['github-actions[bot]', 'github-actions', true],
    ['Deploy-Bot', 'deploy-bot', true],
    ['ann', 'github-actions[bot]', false],
  ])('the token is %s, the comment by %s: edited %s', async (me, author, edited) => {
    const github = fakeGitHub()
    github.viewer.mockResolvedValue({ login: me })
    github.rest.issues.listComments.mockResolvedValue({
      data: [{ id: 5, body: `${MARKER}\nold`, user: { login: author } }],
    })
    const result = await upsertPreviewComment(github, git, { pr: 12, service: 'web', body: 'x' }, () => undefined)
    expect(result?.created).toBe(!edited)
  })

  test('when GitHub does not say who the token is, no comment is edited', async () => {
    const github = fakeGitHub()
    github.viewer.mockRejectedValue(httpError(403, 'Resource not accessible by integration'))
    github.rest.issues.listComments.mockResolvedValue({
      data: [{ id: 5, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]' } }],
    })
    await expect(
      upsertPreviewComment(github, git, { pr: 12, service: 'web', body: 'x' }, () => undefined),
    ).resolves.toEqual({ id: 100, created: true })
    expect(github.rest.issues.updateComment).not.toHaveBeenCalled()
  })

  test.each([
    [
      httpError(403, 'Resource not accessible by integration'),
      'Resource not accessible by integration (HTTP 403). Give the job `permissions: pull-requests: write` to get the preview URL as a comment.',
    ],
    [httpError(500, 'Server Error'), 'Server Error (HTTP 500). The deploy itself is not affected.'],
  ])('a refusal warns and returns undefined (%#)', async (error, said) => {
    const github = fakeGitHub()
    github.rest.issues.createComment.mockRejectedValue(error)
    const warnings: string[] = []
    await expect(
      upsertPreviewComment(github, git, { pr: 12, service: 'web', body: 'x' }, (m) => warnings.push(m)),
    ).resolves.toBeUndefined()
    expect(warnings).toEqual([`Could not write the preview comment on pull request #12: ${said}`])
  })
})
