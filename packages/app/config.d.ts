export interface Config {
  /** Settings of the Python Stewardship Portal app itself. */
  portal?: {
    gitlab?: {
      /**
       * True when the portal runs against the local demo GitLab
       * (packages/gitlab-local); the app then shows a banner saying so.
       * @visibility frontend
       */
      demo?: boolean;
      /**
       * Web URL of the GitLab the portal talks to, shown to users.
       * @visibility frontend
       */
      url?: string;
    };
    signIn?: {
      /**
       * Sign-in providers offered on the sign-in page, in order: `gitlab`
       * (GitLab OAuth: the local demo GitLab on the embedded defaults, the
       * real one in production) and `guest` (browse only; demo only).
       * @visibility frontend
       */
      providers?: Array<'guest' | 'gitlab'>;
    };
  };
}
