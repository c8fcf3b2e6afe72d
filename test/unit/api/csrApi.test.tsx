import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLaunchToken, webTransport } from '../../../renderer/api/csr';
import { buildCsrApi, CHANNELS } from '../../../shared/ipc';

afterEach(() => sessionStorage.clear());

describe('renderer API client (web transport)', () => {
  it('takes the token from the fragment, keeps it for this tab and removes it from the address bar', () => {
    history.replaceState(null, '', '/index.html#token=abc_DEF-123');
    expect(readLaunchToken()).toBe('abc_DEF-123');
    expect(location.hash).toBe('');
    expect(readLaunchToken()).toBe('abc_DEF-123'); // from sessionStorage after a reload
  });

  it('posts each channel to /ipc/<channel> with the bearer token and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { comments: [] } })));
    const api = buildCsrApi(webTransport('tok', fetchImpl as unknown as typeof fetch), CHANNELS);
    expect(await api.comments.list({ accountNo: 5 })).toEqual({ ok: true, value: { comments: [] } });
    expect(fetchImpl).toHaveBeenCalledWith('/ipc/comments.list', expect.objectContaining({ method: 'POST', body: '{"accountNo":5}' }));
    const headers = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
  });

  it('exposes exactly the contract’s channels', () => {
    const api = buildCsrApi(async () => ({ ok: true, value: null }), CHANNELS) as unknown as Record<string, Record<string, unknown>>;
    const names = Object.entries(api).flatMap(([ns, methods]) => Object.keys(methods).map((m) => `${ns}.${m}`));
    expect(names.sort()).toEqual([...CHANNELS].sort());
  });

  it('turns a dead background process or a missing token into envelopes, not exceptions', async () => {
    const down = webTransport('tok', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch);
    expect(await down('comments.list', { accountNo: 1 })).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect(await webTransport(null)('comments.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
