// Demo operators for tests and training only (decision D49). Seeded only when the host
// asks for it with an explicit switch: CSR_DEMO_OPERATORS=1 for the web host and an
// unpackaged desktop app; a packaged desktop build ignores the switch (main/electron).
// Their passwords are public (README), so a desk with them must never hold real data.
import type { Role } from '../../../shared/ipc';
import type { OperatorDirectory } from './directory';

export interface DemoOperator {
  id: string;
  displayName: string;
  role: Role;
  password: string;
}

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { id: 'demo-agent', displayName: 'Demo Agent', role: 'agent', password: 'demo-agent-password' },
  { id: 'demo-supervisor', displayName: 'Demo Supervisor', role: 'supervisor', password: 'demo-supervisor-password' },
  { id: 'demo-admin', displayName: 'Demo Admin', role: 'admin', password: 'demo-admin-password' },
];

/** Adds the demo operators that are missing; never changes an existing operator. */
export async function seedDemoOperators(directory: OperatorDirectory): Promise<void> {
  for (const op of DEMO_OPERATORS) if (!(await directory.get(op.id))) await directory.add(op);
}
