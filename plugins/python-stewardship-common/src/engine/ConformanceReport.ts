import type { CheckFamily } from '../checks/families';
import type {
  CheckLocation,
  CheckSourceKind,
  CheckStatus,
  RepositoryType,
} from '../checks/types';
import type { RepositoryClassification } from '../classify/classifyFromFacts';
import type { ConformanceLevelId } from '../scoring/levels';

/** The outcome of one check, with what a reader needs to act on it. @public */
export interface CheckResult {
  id: string;
  title: string;
  family: CheckFamily;
  status: CheckStatus;
  message: string;
  location?: CheckLocation;
  /** Handbook section, `<page>#<anchor>`. */
  docs: string;
  weight: number;
  /**
   * Reported but not counted: it neither lowers the score nor blocks a
   * level or the gate. Follows the check's source and the organisation's
   * `enforce` / `advisory` / `enforceSources` options.
   */
  advisory: boolean;
  /** Whose rule this is (see `CheckSource`); absent in reports stored before it existed. */
  source?: CheckSourceKind;
  /** Prerequisites that did not pass, when `status` is `skip` because of them. */
  blockedBy: string[];
}

/** @public */
export interface ConformanceReport {
  /** Bumped when the shape changes incompatibly. */
  schemaVersion: 1;
  commitId?: string;
  /** `''` or the subfolder holding the Python project, e.g. `services/api/`. */
  projectRoot: string;
  /** Why that folder: the root declares the project, a workspace member, the only project below a tools-only root, ... */
  projectRootReason?: string;
  repositoryType: RepositoryType;
  classification: RepositoryClassification;
  /** One result per applicable, selected check, ordered by id. */
  results: CheckResult[];
  score: number;
  /** Highest level reached, or `null`. */
  level: ConformanceLevelId | null;
  levels: Array<{
    id: ConformanceLevelId;
    title: string;
    reached: boolean;
    missing: string[];
  }>;
  counts: Record<CheckStatus, number> & { total: number };
  /** Problems with the repository's own stewardship settings, e.g. an exemption for an unknown id. */
  warnings: string[];
}
