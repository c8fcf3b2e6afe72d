// The signed client the services get: every request it signs carries the signed-in
// operator's id as msgAuthDetails.userID (the AMPS record of who did it), whatever the
// connection profile's default userID says. It delegates to the one shared AmpsClient, so
// requestDateTime stays strictly increasing across operators (D19).
import type { AmpsClient } from '../amps/client';

export function bindOperator(client: AmpsClient, operatorId: () => string): AmpsClient {
  const call: AmpsClient['call'] = (endpoint, payload, options = {}) =>
    // An explicit userID is the pipeline's, replaying a write for the operator who queued it.
    client.call(endpoint, payload, { ...options, userID: options.userID ?? operatorId() });
  const bound = Object.create(client) as AmpsClient;
  Object.defineProperty(bound, 'call', { value: call });
  return bound;
}
