// The live connection: an AmpsClient for the active profile. For the embedded sandbox
// the client waits for the sandbox to be up, so first paint never waits for it.
import { AmpsClient } from '../amps/client';
import { CoreClient } from '../amps/coreClient';
import { CORE_MESSAGES } from '../../../shared/amps/core';
import { AmpsError } from '../amps/errors';
import { CoreError } from '../errors';
import { insecureBaseUrl, type Credentials, type ProfileStore, type StoredProfile } from '../settings/profiles';
import { isSecureBaseUrl } from '../../../shared/amps/baseUrl';
import { say, sayInEnglish, type Say, type SayKey } from '../../../shared/ipc/say';
import { RESULT } from '../../../shared/amps/codes';
import type { ChannelOutput } from '../../../shared/ipc';

/** What "Test connection" found, as the contract has it. */
type ConnectionTest = ChannelOutput<'profiles.test'>;

export interface EmbeddedSandbox {
  /** Starts the sandbox once, registers the API client, resolves with its base URL. */
  start(client: { clientNo: number; authKey: string; signingSecret: string }): Promise<{ url: string }>;
}

export interface ConnectionOptions {
  sandbox?: EmbeddedSandbox;
  fetch?: typeof fetch;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Refusals "Test connection" can name: the keys, or this computer's clock. */
const REFUSED_SAYS = new Map<number, SayKey>([
  [RESULT.AUTH_FAILED, 'testKeysRefused'],
  [RESULT.BAD_SIGNATURE, 'testKeysRefused'],
  [RESULT.EXPIRED, 'testClock'],
]);

export class Connection {
  // One client per profile: the outbox sends each item with its own profile's client while
  // another profile is active, and one client per profile keeps requestDateTime increasing (D19).
  private readonly cached = new Map<string, { key: string; client: AmpsClient }>();
  private sandboxUrl: string | undefined;

  constructor(
    private readonly profiles: ProfileStore,
    private readonly opts: ConnectionOptions = {},
  ) {}

  /** The base URL a profile talks to (the sandbox's once it runs). */
  displayUrl(p: StoredProfile): string {
    return p.kind === 'sandbox' ? (this.sandboxUrl ?? 'embedded (starting)') : p.baseUrl;
  }

  invalidate(): void {
    this.cached.clear();
    this.cachedCore.clear();
  }

  async client(): Promise<AmpsClient> {
    const p = this.profiles.active();
    if (!p) throw new CoreError('NOT_CONFIGURED', say('noActiveProfile'));
    return this.clientFor(p);
  }

  async clientFor(p: StoredProfile): Promise<AmpsClient> {
    const key = JSON.stringify(p);
    const hit = this.cached.get(p.name);
    if (hit?.key === key) return hit.client;
    // A profile saved before the rule (or a settings.json edited by hand) is refused here,
    // before any secret is read or any signed request leaves (D23).
    if (p.kind !== 'sandbox' && !isSecureBaseUrl(p.baseUrl)) throw insecureBaseUrl(p.name);
    const client = await this.build(p, await this.profiles.credentials(p.name));
    this.cached.set(p.name, { key, client });
    return client;
  }

  private async build(p: StoredProfile, creds: Credentials): Promise<AmpsClient> {
    if (p.kind !== 'sandbox' && !isSecureBaseUrl(p.baseUrl)) throw insecureBaseUrl(p.name); // also for "Test connection" with the form's values
    let baseUrl = p.baseUrl;
    if (p.kind === 'sandbox') {
      if (!this.opts.sandbox) throw new CoreError('NOT_CONFIGURED', say('sandboxMissing'));
      baseUrl = (await this.opts.sandbox.start({ clientNo: p.clientNo, ...creds })).url;
      this.sandboxUrl = baseUrl;
      if (!isSecureBaseUrl(baseUrl)) throw new CoreError('NOT_CONFIGURED', say('sandboxNotLocal'));
    }
    return new AmpsClient({
      baseUrl,
      clientNo: p.clientNo,
      authKey: creds.authKey,
      signingSecret: creds.signingSecret,
      signatureVersion: p.signatureVersion,
      userID: p.userID,
      ...(this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {}),
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      ...(this.opts.log ? { log: this.opts.log } : {}),
    });
  }

  // ── Aria's core API (plans, D70): the same profile's base URL, client_no and auth_key. ──
  private readonly cachedCore = new Map<string, { key: string; client: CoreClient<typeof CORE_MESSAGES> }>();

  async coreClient(): Promise<CoreClient<typeof CORE_MESSAGES>> {
    const p = this.profiles.active();
    if (!p) throw new CoreError('NOT_CONFIGURED', say('noActiveProfile'));
    return this.coreClientFor(p);
  }

  async coreClientFor(p: StoredProfile): Promise<CoreClient<typeof CORE_MESSAGES>> {
    // The AMPS client first: it starts the embedded sandbox and applies the base-URL rule (D23).
    const amps = await this.clientFor(p);
    const key = `${JSON.stringify(p)} ${amps.baseUrl}`;
    const hit = this.cachedCore.get(p.name);
    if (hit?.key === key) return hit.client;
    const creds = await this.profiles.credentials(p.name);
    const client = new CoreClient({
      baseUrl: amps.baseUrl,
      clientNo: p.clientNo,
      authKey: creds.authKey,
      messages: CORE_MESSAGES,
      ...(this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {}),
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      ...(this.opts.log ? { log: this.opts.log } : {}),
    });
    this.cachedCore.set(p.name, { key, client });
    return client;
  }

  /**
   * "Test connection": one signed read. `say` is the outcome in words the renderer says in
   * the UI language (D105); `message` is its English with what the failure itself said, for
   * the log and support.
   */
  async test(p: StoredProfile, creds?: Credentials): Promise<ConnectionTest> {
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    const answer = (ok: boolean, said: Say, detail?: string): ConnectionTest => ({
      ok,
      message: detail ? `${sayInEnglish(said)} (${detail})` : sayInEnglish(said),
      say: said,
      latencyMs: took(),
    });
    try {
      // With credentials given (the form's values): a client of its own, never the cached one.
      const client = creds ? await this.build(p, creds) : await this.clientFor(p);
      await client.call('AcctSearchAccount', { acctSearchAccountCriteria: { ariaAccountNo: 1 }, acctSearchAccountSpecDetails: { returnLimitRows: 1 } });
      return answer(true, say('testConnected', { url: client.baseUrl }));
    } catch (e) {
      if (e instanceof AmpsError) {
        const detail = e.resultCode !== undefined ? `${e.resultCode}: ${e.message}` : e.message;
        if (e.code === 'REJECTED') return answer(false, say(REFUSED_SAYS.get(e.resultCode ?? 0) ?? 'testRefused'), detail);
        if (e.code === 'UNREACHABLE') return answer(false, say('testUnreachable'), detail);
        if (e.code === 'TIMEOUT') return answer(false, say('testTimeout'), detail);
        if (e.code === 'BAD_RESPONSE' || e.code === 'HTTP_ERROR') return answer(false, say('testUnreadable'), detail);
        return answer(false, e.say ?? say('testFailed'), detail);
      }
      if (e instanceof CoreError) return answer(false, e.say);
      return answer(false, say('testFailed'), e instanceof Error ? e.message : undefined);
    }
  }
}
