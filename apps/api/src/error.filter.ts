import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ConflictError,
  DomainError,
  Expired,
  Forbidden,
  ForbiddenTransition,
  Locked,
  NotFound,
  PayloadTooLarge,
  Throttled,
  Unauthenticated,
  UnsupportedMediaType,
  ValidationFailed,
} from '@newsdesk/common';

/** The one error body every 4xx and 5xx of the API has; `details` is `{}` when there are none. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: Record<string, unknown>;
}

/** `error` for the statuses that Nest, Fastify and its plugins answer themselves. */
export const STATUS_NAMES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  410: 'expired',
  411: 'length_required',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  422: 'unprocessable',
  423: 'locked',
  429: 'too_many_requests',
  431: 'request_header_fields_too_large',
  500: 'internal',
  503: 'unavailable',
};

/** The error body for a status and message, for answers sent outside Nest's filters. */
export function errorBody(
  statusCode: number,
  message: string,
  details: Record<string, unknown> = {},
  error = STATUS_NAMES[statusCode] ?? (statusCode < 500 ? 'bad_request' : 'internal'),
): ErrorBody {
  return { statusCode, error, message, details };
}

function statusOf(error: DomainError): number {
  if (error instanceof ValidationFailed) return 400;
  if (error instanceof Unauthenticated) return 401;
  if (error instanceof Forbidden) return 403;
  if (error instanceof NotFound) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof Expired) return 410;
  if (error instanceof PayloadTooLarge) return 413;
  if (error instanceof Locked) return 423;
  if (error instanceof UnsupportedMediaType) return 415;
  if (error instanceof Throttled) return 429;
  if (error instanceof ForbiddenTransition) {
    // A role that may never do this is a 403; a transition that the story's state does not allow is a 409.
    return error.reason === 'wrong_role' || error.reason === 'own_story' ? 403 : 409;
  }
  return 500;
}

/** Maps domain errors, Nest's HTTP errors and Fastify's parser errors to {@link ErrorBody}. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.url} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (exception instanceof Throttled) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    this.send(request, reply, body);
  }

  /** Sends the error: the JSON body. */
  protected send(_request: FastifyRequest, reply: FastifyReply, body: ErrorBody): void {
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  private httpMessage(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = statusOf(exception);
      return errorBody(statusCode, exception.message, exception.details, exception.code);
    }
    // Nest's HTTP errors and Fastify's own (malformed JSON, body too large, wrong
    // content type, unknown route), which Nest hands over as HttpExceptions.
    const http =
      exception instanceof HttpException
        ? { statusCode: exception.getStatus(), message: this.httpMessage(exception) }
        : (exception as { statusCode?: unknown; message?: unknown });
    if (typeof http.statusCode === 'number' && http.statusCode >= 400 && http.statusCode < 500) {
      const message =
        typeof http.message === 'string' && http.message ? http.message : 'bad request';
      if (http.statusCode === 400 && /JSON/i.test(message)) {
        return errorBody(
          400,
          `the request body is not valid JSON: ${message}`,
          {
            problems: [{ field: 'body', reason: 'not valid JSON' }],
          },
          'malformed_json',
        );
      }
      return errorBody(http.statusCode, message);
    }
    return errorBody(500, 'internal error');
  }
}
