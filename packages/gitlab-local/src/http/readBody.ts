import { IncomingMessage } from 'node:http';
import { GitlabError } from './GitlabError';
import { queryToObject } from './params';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new GitlabError(413, { message: '413 Request Entity Too Large' });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON or form-encoded body into parameters. Other content types
 * (and empty bodies) give no parameters, as GitLab ignores them too.
 */
export async function readBodyParams(
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const raw = await readRaw(req);
  if (raw.length === 0) return {};
  const contentType = (req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (contentType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      throw GitlabError.badRequest(
        `400 Bad request - The request body is not valid JSON: ${
          (error as Error).message
        }`,
      );
    }
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed)
    ) {
      throw GitlabError.badRequest(
        '400 Bad request - The JSON body must be an object',
      );
    }
    return parsed as Record<string, unknown>;
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    return queryToObject(new URLSearchParams(raw.toString('utf8')));
  }
  return {};
}
