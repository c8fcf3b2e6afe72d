// The web host's WebSocket (main/web-host/socket.ts, D85) as both ends name it: the path, the
// protocol name, and the prefix of the protocol value that carries the per-launch token.
export const SOCKET_PATH = '/ipc';
export const SOCKET_PROTOCOL = 'csr-desk.ipc.v1';
export const TOKEN_PROTOCOL_PREFIX = 'csr-desk.token.';
