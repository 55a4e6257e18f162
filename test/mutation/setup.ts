// Mutation runs only: one fast-check seed, so a mutant's fate does not depend on the run.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20_240_801 });
