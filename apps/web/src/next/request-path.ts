/** Set by server.ts on every request Next serves (replacing any the client sent): its path and query. */
export const REQUEST_PATH_HEADER = 'x-tessera-path';
