import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';

/**
 * Keeps a handler's error as it is. Nest's default RPC filter turns unknown
 * errors into a generic reply; for queued events we want the real error, so
 * that BullMQ records why the job failed and retries it.
 *
 * In a hybrid app (the projector: its ops HTTP plus this transport, sharing
 * one set of global filters) HTTP errors get Nest's usual reply; pass the
 * app's HTTP adapter there.
 */
@Catch()
export class RethrowRpcErrors extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') return super.catch(exception, host);
    return throwError(() => exception);
  }
}
