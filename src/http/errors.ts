// The one place where errors become HTTP responses: { statusCode, code, error, message, details? }.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import Database from 'better-sqlite3';
import { isQmapError, QmapError } from '../errors.js';

/** What SQLite says when it cannot write, in words an admin can act on; nothing was saved in each case. */
function storageError(err: unknown): QmapError | null {
  if (!(err instanceof Database.SqliteError)) return null;
  if (err.code === 'SQLITE_FULL') {
    return new QmapError('storage_full', 'The server has no room left to store this (the disk or the database is full). Nothing was saved. Ask an admin to free disk space, then try again.');
  }
  if (err.code.startsWith('SQLITE_READONLY')) {
    return new QmapError('read_only', 'The database is read-only right now, so nothing can be saved. Reading still works; ask an admin to check the database file and its folder permissions.');
  }
  if (err.code.startsWith('SQLITE_BUSY') || err.code.startsWith('SQLITE_LOCKED')) {
    return new QmapError('unavailable', 'The database is busy. Nothing was saved; try again in a few seconds.');
  }
  if (err.code.startsWith('SQLITE_IOERR')) {
    return new QmapError('unavailable', 'The server could not write to its disk. Nothing was saved; ask an admin to check the disk.');
  }
  return null;
}

/** Errors raised by fastify and its plugins, turned into ours with words a user can act on. */
function translate(err: FastifyError, req: FastifyRequest): QmapError | null {
  const storage = storageError(err);
  if (storage) return storage;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const problems = err.validation.map((v) => `${v.instancePath.replace(/^\//, '') || err.validationContext}: ${v.message}`);
    return new QmapError('bad_request', `The request is not valid: ${problems.join('; ')}.`, { problems });
  }
  switch (err.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new QmapError('too_large', `The upload is larger than this server accepts (${err.message}). Split the workbook or ask an admin to raise QMAP_MAX_UPLOAD_BYTES.`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new QmapError('too_large', 'The request body is larger than 1 MiB, the most a JSON request may be. Send fewer rows at a time.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const upload = req.method === 'POST' && req.routeOptions.url === '/v1/questionnaires';
      const send = upload ? 'Send the workbook as multipart/form-data with the file in the field "file"' : 'Send the body as JSON, with the header content-type: application/json';
      return new QmapError('unsupported_type', `This endpoint does not accept content type "${req.headers['content-type'] ?? ''}". ${send}.`);
    }
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new QmapError('unsupported_type', 'Send the workbook as multipart/form-data with the file in the field "file".');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new QmapError('bad_request', 'The request body is not valid JSON.');
    // Nothing was too large: the form had more files or fields than an upload has.
    case 'FST_FILES_LIMIT':
      return new QmapError('bad_request', 'Send exactly one file, in the form field "file".');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new QmapError('bad_request', 'The form has more parts than expected: send one file in the field "file" and the optional override fields.');
  }
  if (err.statusCode === 429) return new QmapError('rate_limited', err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.statusCode === 404 ? 'not_found' : err.statusCode === 413 ? 'too_large' : err.statusCode === 415 ? 'unsupported_type' : 'bad_request';
    return new QmapError(code, err.message);
  }
  return null;
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const known = isQmapError(err) ? err : translate(err, req);
  if (!known) {
    req.log.error({ err }, 'unexpected error');
    return reply.status(500).send({ statusCode: 500, code: 'internal', error: STATUS_CODES[500], message: 'Something went wrong on our side. Try again; if it keeps happening, tell an admin the request id.', requestId: req.id });
  }
  if (known.status >= 500) req.log.error({ code: known.code, cause: (err as { code?: string }).code }, known.message);
  const headers = (err as { headers?: Record<string, string> }).headers;
  if (headers) reply.headers(headers);
  return reply.status(known.status).send({
    statusCode: known.status,
    code: known.code,
    error: STATUS_CODES[known.status],
    message: known.message,
    ...(known.details ? { details: known.details } : {}),
  });
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ statusCode: 404, code: 'not_found', error: STATUS_CODES[404], message: `There is no ${req.method} ${req.url.split('?')[0]}. See /docs for the API.` });
}
