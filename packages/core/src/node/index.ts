/**
 * `@tessera/core/node`: serve the core from node:http (or a Next.js custom server) without a
 * framework in between.
 */

export { type AppLogger, createLogger, type LogLevel } from './json-logger.js';
export { createRequestListener, type RequestListenerOptions } from './request-listener.js';
export { sendWebResponse } from './send-web-response.js';
export { toWebRequest, type WebRequestOptions } from './to-web-request.js';
