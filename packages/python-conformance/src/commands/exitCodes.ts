/** Exit codes, documented in the README; CI scripts depend on them. */
export const EXIT_OK = 0;
/** The repository is below `--fail-under`, or (without it) a required check failed. */
export const EXIT_GATE_FAILED = 1;
/** Bad arguments, an unreadable directory or invalid options. */
export const EXIT_USAGE = 2;
/** A bug in the tool. */
export const EXIT_INTERNAL = 3;
/** `--upload` could not deliver the report (refused, unknown codebase, unreachable portal). */
export const EXIT_UPLOAD_FAILED = 4;
