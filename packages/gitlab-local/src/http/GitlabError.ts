/**
 * An error that becomes a GitLab-shaped JSON response. GitLab answers with
 * `{"message": ...}` for most failures and `{"error": ...}` for parameter
 * validation, so both are supported.
 */
export class GitlabError extends Error {
  constructor(
    readonly status: number,
    readonly body:
      | { message: unknown }
      | { error: string; error_description?: string; scope?: string },
    readonly headers: Record<string, string> = {},
  ) {
    super(
      typeof body === 'object' && 'error' in body
        ? body.error
        : String(body.message),
    );
    this.name = 'GitlabError';
  }

  static notFound(what: string): GitlabError {
    return new GitlabError(404, { message: `404 ${what} Not Found` });
  }

  static unauthorized(): GitlabError {
    return new GitlabError(401, { message: '401 Unauthorized' });
  }

  static forbidden(): GitlabError {
    return new GitlabError(403, { message: '403 Forbidden' });
  }

  /** A missing or malformed parameter, worded like GitLab's Grape validation. */
  static badParam(error: string): GitlabError {
    return new GitlabError(400, { error });
  }

  static badRequest(message: unknown): GitlabError {
    return new GitlabError(400, { message });
  }

  static conflict(message: string): GitlabError {
    return new GitlabError(409, { message });
  }
}
