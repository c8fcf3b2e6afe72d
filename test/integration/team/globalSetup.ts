// Says once, for the whole run, why the team-store tests were skipped; under CI they must
// run, so a missing PostgreSQL fails the run instead.
export default function setup() {
  if (process.env.CSR_TEST_PG_URL) return;
  if (process.env.CI === 'true')
    throw new Error('CI=true but CSR_TEST_PG_URL is not set: the team-store tests must run in CI (.ci/run starts PostgreSQL with scripts/pg-test-server.sh)');
  console.log('team-store tests skipped: CSR_TEST_PG_URL is not set (start a server with: eval "$(scripts/pg-test-server.sh start)")');
}
