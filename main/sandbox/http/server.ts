// The sandbox's HTTP server (fastify): POST /PostDataToFlow/ARIAMediaSuite/AccountManagement/<Name>
// for the AMPS endpoints, the Direct Post card form, POST /v1/core for Aria's core API
// (core/http.ts), and JSON resultCode -7 for anything else. AMPS-level results are HTTP 200, as a real AMPS answers.
import Fastify, { type FastifyInstance } from 'fastify';
import { ENDPOINT_PATH_PREFIX, RESULT } from '../../../shared/amps/codes';
import { isEndpoint, HANDLERS } from '../endpoints';
import { registerDirectPost } from '../directpost/routes';
import { registerCore } from '../core/http';
import { handleAmps, type PipelineDeps } from './pipeline';

export const BODY_LIMIT = 1024 * 1024;

const unknownEndpoint = (what: string) => ({
  resultInfo: {
    resultCode: RESULT.UNKNOWN_ENDPOINT,
    resultText: `${what}; the endpoints are POST ${ENDPOINT_PATH_PREFIX}<Name> with Name one of ${Object.keys(HANDLERS).join(', ')}`,
  },
});

export function buildServer(deps: PipelineDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, return503OnClosing: true });
  // Bodies arrive as text: JSON is parsed by the pipeline so a malformed body can be
  // answered with where it broke; the card form posts urlencoded fields.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  // AMPS bodies are read as bytes and decoded strictly (jsonBody.decodeBody): invalid UTF-8
  // is refused, not silently turned into U+FFFD.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post(`${ENDPOINT_PATH_PREFIX}:name`, async (req, reply) => {
    const name = (req.params as { name: string }).name;
    if (!isEndpoint(name)) return reply.code(404).send(unknownEndpoint(`Unknown endpoint "${name}"`));
    return reply.header('cache-control', 'no-store').send(handleAmps(deps, name, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)));
  });
  registerDirectPost(app, deps);
  // Aria's core API (POST /v1/core, docs/plans.md): its own body parsing and error shape.
  registerCore(app, deps);

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(unknownEndpoint(`No ${req.method} ${req.url.split('?')[0]}`));
  });
  app.setErrorHandler((err: { code?: string; statusCode?: number; stack?: string }, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(200).send({ resultInfo: { resultCode: RESULT.MALFORMED, resultText: `Malformed request: the body is larger than ${BODY_LIMIT} bytes (1 MB)` } });
    if (err.statusCode && err.statusCode < 500)
      return reply.code(200).send({ resultInfo: { resultCode: RESULT.MALFORMED, resultText: 'Malformed request: the body could not be read' } });
    deps.log(`sandbox: HTTP error: ${err.stack ?? String(err)}`);
    return reply.code(500).send({ resultInfo: { resultCode: RESULT.INTERNAL, resultText: 'Internal error in the sandbox' } });
  });
  return app;
}
