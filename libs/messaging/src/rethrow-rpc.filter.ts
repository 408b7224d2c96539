import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Keeps a handler's error as it is. Nest's default RPC filter turns unknown
 * errors into a generic reply; for queued events we want the real error, so
 * that BullMQ records why the job failed and retries it.
 */
@Catch()
export class RethrowRpcErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
