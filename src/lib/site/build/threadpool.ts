// Imported first by astro.config.mjs, before anything has used Node's I/O thread pool (it starts
// on first use with UV_THREADPOOL_SIZE threads, default 4). A build writes every page twice (the
// output and the incremental cache) and hashes its scripts for the CSP through that pool; with 4
// threads the renderer sat waiting on it (measured at 2,850 reports: page generation 12.4–13.8 s
// with 4 threads, 8.9 s with 16).
process.env.UV_THREADPOOL_SIZE ??= '16';
