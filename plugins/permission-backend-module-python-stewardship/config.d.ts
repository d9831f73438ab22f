export interface Config {
  pythonStewardship?: {
    /** The portal's permission policy (plugins/permission-backend-module-python-stewardship). */
    permissions?: {
      /**
       * Portal admins, as entity refs: users (`user:default/dana.owner`) or
       * groups (`group:default/platform`, every member is an admin). Admins
       * may do everything, including the template editor and dry runs.
       */
      admins: string[];
      /**
       * Signed-in identities that may only read (browse the catalog, read
       * templates and docs) and never create, change or run anything.
       * Defaults to `[user:development/guest]`, the guest sign-in.
       */
      readOnlyUsers?: string[];
    };
  };
}
