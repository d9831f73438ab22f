import type { CheckContext } from './CheckContext';

/** The memoised file access shared by the classifier and the checks. */
export type RepositoryFacts = Omit<CheckContext, 'type' | 'options'>;
