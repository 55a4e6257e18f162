// How many cases a property runs: the test's own number, or fewer where PROPERTY_RUNS caps it
// (`npm run mutation` runs every property once per mutant, so it asks for few).
export const runs = (n: number) => ({ numRuns: Math.max(1, Math.min(n, Number(process.env.PROPERTY_RUNS) || n)) });
