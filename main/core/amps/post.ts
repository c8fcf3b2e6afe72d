import { transportError, type CallName } from './errors';

/**
 * One JSON POST to the billing system, for an AMPS endpoint (client.ts) and a core-API method
 * (coreClient.ts) alike: the answer's status and text, or the AmpsError a failed exchange
 * means (transportError). The log gets the call's name and how long it took, never a body or
 * a secret.
 */
export async function postJson(
  fetchFn: typeof fetch,
  url: string,
  body: unknown,
  call: { name: CallName; logName: string; write: boolean; timeoutMs: number; signal?: AbortSignal | undefined; log?: ((line: string) => void) | undefined },
): Promise<{ res: Response; text: string }> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    return { res, text: await res.text() };
  } catch (e) {
    throw transportError(call.name, e, call.write, call.signal);
  } finally {
    call.log?.(`${call.logName} ${Math.round(performance.now() - started)}ms`);
  }
}
