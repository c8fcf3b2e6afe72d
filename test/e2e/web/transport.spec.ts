// The browser-hosted desk's transport (D85, D86): reads over the web host's WebSocket, writes
// over HTTP POST, and a socket that drops in the middle of a search costs the agent nothing:
// the search is answered over HTTP and the socket comes back.
import type { WebSocketRoute } from '@playwright/test';
import { expect, openAccount, quickSearch, resultRows, test } from './fixtures';

test('searches go over the web host socket, a comment over HTTP POST', async ({ app: page }) => {
  const frames: Array<{ channel: string }> = [];
  const posts: string[] = [];
  page.on('websocket', (ws) => {
    expect(ws.url()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ipc$/); // no token in the URL
    ws.on('framesent', (f) => frames.push(JSON.parse(String(f.payload)) as { channel: string }));
  });
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });
  // A fresh page load, so its socket is the one seen here (the token stays in the tab).
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  await expect.poll(() => frames.length, { message: 'the page sends reads over its socket' }).toBeGreaterThan(0);

  posts.length = 0;
  await quickSearch(page, 'Hansen');
  await expect(resultRows(page).first()).toBeVisible();
  expect(frames.filter((f) => f.channel === 'accounts.search').length).toBeGreaterThan(0);
  expect(posts.filter((p) => p === '/ipc/accounts.search'), 'no search over HTTP while the socket is open').toEqual([]);

  const no = await openAccount(page, 1);
  const view = page.getByTestId(`account-${no}`);
  await page.keyboard.press('Alt+c');
  await expect(view.getByTestId('comment-count')).toHaveAttribute('data-state', 'ready');
  await view.getByTestId('comment-text').fill('Kunden ringte om fakturaen (transportprøve).');
  await view.getByRole('button', { name: 'Review and save' }).click();
  await page.getByTestId('confirm-write-button').click();
  await expect(page.getByTestId('notice')).toContainText('Comment saved');
  expect(posts).toContain('/ipc/comments.add');
  expect(frames.filter((f) => f.channel === 'comments.add'), 'writes never go over the socket').toEqual([]);
  await expect(view.getByTestId('comment-timeline')).toContainText('transportprøve');
});

test('a socket that drops during a search: the search is answered over HTTP and the socket comes back', async ({ app: page }) => {
  // Between the page and the web host: pass everything through, but drop the socket on its
  // first search after `armed`, before the host sees it.
  let armed = false;
  let dropped = 0;
  let opened = 0;
  await page.routeWebSocket(/\/ipc$/, (ws: WebSocketRoute) => {
    opened++;
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (armed && String(message).includes('"channel":"accounts.search"')) {
        armed = false;
        dropped++;
        void ws.close({ code: 1011, reason: 'test drop' });
        return;
      }
      server.send(message);
    });
  });
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.appReady === 'true');
  // Searches until one has gone over the (routed) socket, so the drop happens mid-call.
  await quickSearch(page, 'Berg');
  await expect.poll(() => opened).toBe(1);
  armed = true;
  posts.length = 0;
  await quickSearch(page, 'Hansen');
  expect(dropped).toBe(1);
  await expect(resultRows(page).first()).toBeVisible();
  await expect(page.getByTestId('search-results')).not.toContainText('not answering');
  expect(posts, 'the dropped search went again over HTTP').toContain('/ipc/accounts.search');
  // The socket reopens (back-off 250 ms) and carries searches again.
  await expect.poll(() => opened, { timeout: 10_000 }).toBe(2);
  posts.length = 0;
  await quickSearch(page, 'Dahl');
  expect(posts.filter((p) => p === '/ipc/accounts.search')).toEqual([]);
});
