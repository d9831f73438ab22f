export interface Config {
  /** Settings of the Python Stewardship Portal app itself. */
  portal?: {
    signIn?: {
      /**
       * Sign-in providers offered on the sign-in page, in order: `guest`
       * (embedded defaults) or `gitlab` (GitLab OAuth, production).
       * @visibility frontend
       */
      providers?: Array<'guest' | 'gitlab'>;
    };
  };
}
