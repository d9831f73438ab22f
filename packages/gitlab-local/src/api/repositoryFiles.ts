import { createHash } from 'node:crypto';
import { z } from 'zod/v3';
import { ApiContext } from '../http/ApiContext';
import { GitlabError } from '../http/GitlabError';
import { Route } from '../http/Router';
import { resolveRef } from './resolveRef';

async function readFile(ctx: ApiContext, ref: string | undefined) {
  const project = ctx.project();
  const filePath = ctx.params.file_path;
  const resolved = await resolveRef(ctx, project, ref, 'File');
  const blob = await ctx.repos.readBlob(
    resolved.gitDir,
    resolved.commit,
    filePath,
  );
  if (!blob) throw GitlabError.notFound('File');
  return { project, filePath, resolved, blob };
}

/** Metadata GitLab repeats in X-Gitlab-* headers of the files endpoints. */
async function fileDetails(ctx: ApiContext, ref: string | undefined) {
  const { filePath, resolved, blob } = await readFile(ctx, ref);
  const [lastCommit] = await ctx.repos.log(resolved.gitDir, resolved.commit, {
    path: filePath,
    maxCount: 1,
  });
  const details = {
    file_name: filePath.split('/').pop() ?? filePath,
    file_path: filePath,
    size: blob.content.length,
    encoding: 'base64',
    content_sha256: createHash('sha256').update(blob.content).digest('hex'),
    ref: resolved.ref,
    blob_id: blob.blobId,
    commit_id: resolved.commit,
    last_commit_id: lastCommit?.id ?? resolved.commit,
    execute_filemode: blob.mode === '100755',
  };
  const headers = {
    'x-gitlab-blob-id': details.blob_id,
    'x-gitlab-commit-id': details.commit_id,
    'x-gitlab-content-sha256': details.content_sha256,
    'x-gitlab-encoding': details.encoding,
    'x-gitlab-file-name': details.file_name,
    'x-gitlab-file-path': details.file_path,
    'x-gitlab-last-commit-id': details.last_commit_id,
    'x-gitlab-ref': details.ref,
    'x-gitlab-size': String(details.size),
    'x-gitlab-execute-filemode': String(details.execute_filemode),
  };
  return { details, headers, content: blob.content };
}

const refRequired = z.object({ ref: z.string().min(1) });
const refOptional = z.object({ ref: z.string().optional() });

export const repositoryFileRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/projects/:id/repository/files/:file_path',
    handler: async ctx => {
      ctx.project();
      const { ref } = ctx.parse(refRequired);
      const { details, headers, content } = await fileDetails(ctx, ref);
      return {
        json: { ...details, content: content.toString('base64') },
        headers,
      };
    },
  },
  {
    // Backstage's discovery checks for catalog files with HEAD requests.
    method: 'HEAD',
    pattern: '/projects/:id/repository/files/:file_path',
    handler: async ctx => {
      ctx.project();
      const { ref } = ctx.parse(refRequired);
      const { headers } = await fileDetails(ctx, ref);
      return { json: {}, headers };
    },
  },
  {
    method: 'GET',
    pattern: '/projects/:id/repository/files/:file_path/raw',
    handler: async ctx => {
      const project = ctx.project();
      const { ref = project.defaultBranch } = ctx.parse(refOptional);
      const filePath = ctx.params.file_path;
      const gitDir = await ctx.repos.ensure(project);
      const file = await ctx.repos.readFileAtRef(gitDir, ref, filePath);
      if ('missing' in file) throw GitlabError.notFound('File');
      return {
        raw: file.content,
        contentType: 'text/plain; charset=utf-8',
        headers: {
          'x-gitlab-blob-id': file.blobId,
          'x-gitlab-commit-id': file.commit,
          'x-gitlab-file-path': filePath,
          'x-gitlab-ref': ref,
          'x-gitlab-size': String(file.content.length),
          etag: `"${file.blobId}"`,
        },
      };
    },
  },
];
