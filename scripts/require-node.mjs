// Imported first by the npm-script entry points (start, test): the project runs on the
// Node 24 LTS that `npm install` puts at node_modules/.bin/node (the `node`
// devDependency), which npm puts first on PATH for every script. Run directly with an
// older Node (no node:sqlite), say so in one line instead of failing later in a stack trace.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `This is Node ${process.version}; CSR Desk runs on the Node 24 that \`npm install\` installs into node_modules. ` +
      'Run it through npm (`npm start`, `npm test`), or run `npm install` first if node_modules is missing.',
  );
  process.exit(1);
}
