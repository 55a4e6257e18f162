// Imported first by astro.config.mjs, before anything has used Node's I/O thread pool (it starts
// on first use with UV_THREADPOOL_SIZE threads, default 4). A build writes every page twice (the
// output and the incremental cache) and hashes its scripts for the CSP through that pool; with 4
// threads the renderer sat waiting on it (measured at 2,850 reports: page generation 12.4–13.8 s
// with 4 threads, 8.9 s with 16).
// Each thread that allocates may get its own glibc malloc arena, which keeps what it freed: npm run
// build starts Astro with MALLOC_ARENA_MAX=2 (package.json), which cut the build's peak RSS by a
// fifth at 3,500 reports (1,725 → 1,339 MiB) at no CPU cost. It must be set before Node starts.
process.env.UV_THREADPOOL_SIZE ??= '16';
