// After `npm ci` (postinstall): when npm itself runs on a Node too old to run the project's
// TypeScript scripts directly (< 22.18), say once what the EBADENGINE warnings above mean and how
// to run things. Plain JavaScript, so that any Node runs it.
const MIN = [22, 18];
const agent = process.env.npm_config_user_agent ?? '';
const match = agent.match(/\bnode\/v(\d+)\.(\d+)\.\d+/);
if (match) {
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major < MIN[0] || (major === MIN[0] && minor < MIN[1])) {
    const v = `v${match[1]}.${match[2]}`;
    console.log(
      [
        `note: npm runs on Node ${v} here. The project's scripts run on its own Node 24 (the \`node\` devDependency,`,
        '  node_modules/.bin/node), which `npm run …` and `npx …` put first on PATH: the EBADENGINE warnings above',
        `  concern Node ${v}, not that Node. Run scripts as \`npm run parse -- FILE\`, not \`node scripts/parse.ts\`:`,
        `  Node ${v} cannot run TypeScript (ERR_UNKNOWN_FILE_EXTENSION ".ts").`,
      ].join('\n'),
    );
  }
}
