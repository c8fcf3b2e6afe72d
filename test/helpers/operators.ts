// Signing in for tests: the demo operators (CSR_DEMO_OPERATORS=1 / createCore's
// demoOperators), written out here rather than imported, so a changed demo password shows.
import type { Role } from '../../shared/ipc';

export const DEMO_LOGIN: Record<Role, { id: string; password: string }> = {
  agent: { id: 'demo-agent', password: 'demo-agent-password' },
  supervisor: { id: 'demo-supervisor', password: 'demo-supervisor-password' },
  admin: { id: 'demo-admin', password: 'demo-admin-password' },
};

/** Cheap scrypt for tests that sign in hundreds of times (the stored hash records it). */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

type Call = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

/** Signs the desk in as the demo operator of `role`; fails the test if that does not work. */
export async function signInAs(call: Call, role: Role): Promise<void> {
  const res = await call('session.signIn', DEMO_LOGIN[role]);
  const value = res.value as { failure: unknown; status: { state: string } } | undefined;
  if (!res.ok || value?.failure || value?.status.state !== 'signedIn') throw new Error(`sign-in as ${role} failed: ${JSON.stringify(res)}`);
}
