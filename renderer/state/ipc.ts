// Every IPC call of the renderer goes through here (from the store slices, never from
// components). It turns a thrown transport failure into an envelope, and tells the shell
// about errors that concern the whole app (a secret that can no longer be decrypted).
import { buildCsrApi, CHANNELS, contract, LOCAL_CHANNELS, type Channel, type CsrApi, type Envelope, type IpcError } from '../../shared/ipc';
import { csr } from '../api/csr';
import { accountWritten } from './accountWrites';

type Listener = (error: IpcError) => void;
const listeners = new Set<Listener>();

/** The shell listens here for SECRET_UNREADABLE; the session slice for UNAUTHENTICATED and LOCKED. */
export function onAppWideError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const APP_WIDE = new Set<IpcError['code']>(['SECRET_UNREADABLE', 'UNAUTHENTICATED', 'LOCKED']);

/** The API with every successful write on an account announced (see accountWrites). */
let observed: { base: CsrApi; api: CsrApi } | undefined;
function observedApi(): CsrApi {
  const base = csr();
  if (observed?.base === base) return observed.api;
  const table = base as unknown as Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>>;
  const api = buildCsrApi(async (channel: Channel, input: unknown) => {
    const [ns, method] = channel.split('.') as [string, string];
    const res = await table[ns]![method]!(input);
    const accountNo = (input as { accountNo?: unknown } | null)?.accountNo;
    if (res.ok && contract[channel].kind === 'write' && !LOCAL_CHANNELS.has(channel) && typeof accountNo === 'number') accountWritten(accountNo, channel);
    return res;
  }, CHANNELS);
  observed = { base, api };
  return api;
}

export async function invoke<T>(call: (api: CsrApi) => Promise<Envelope<T>>): Promise<Envelope<T>> {
  let result: Envelope<T>;
  try {
    result = await call(observedApi());
  } catch {
    result = {
      ok: false,
      error: { code: 'UNREACHABLE', message: 'The app’s background process did not answer. Try again; if it keeps happening, restart the app.' },
    };
  }
  if (!result.ok && APP_WIDE.has(result.error.code)) for (const l of listeners) l(result.error);
  return result;
}

/** A failed result as stored in state: what to show, and which fields it is about. */
export type LoadError = IpcError;
