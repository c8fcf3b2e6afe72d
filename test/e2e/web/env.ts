// Where the end-to-end web host listens, and its fixed test token (not a secret: it only
// opens a loopback server that lives for one test run). CSR_E2E_PORT moves it when two
// runs share a machine.
export const E2E_PORT = Number(process.env.CSR_E2E_PORT ?? 47123);
export const E2E_TOKEN = 'e2e-fixed-token-not-a-secret-0123456789';
