/**
 * Frees a buffer's memory now rather than at V8's next full collection.
 *
 * Originals and sharp's pixel buffers are megabytes outside V8's heap. V8 frees
 * such memory only when it collects the object that holds it, and it starts a full
 * collection each time that memory has grown by some tens of megabytes: about every
 * image in the media worker, each one marking the worker's whole heap. Detaching the
 * ArrayBuffer frees the memory at once and V8 stops counting it (README, Images).
 *
 * Only for a buffer that nothing will read again, including native code: after the
 * sharp pipeline or the upload that used it has finished. A view into a larger
 * ArrayBuffer (Node.js's pool of small buffers) is left alone.
 */
export function releaseBuffer(buffer: Buffer): void {
  const whole = buffer.buffer;
  if (!(whole instanceof ArrayBuffer) || whole.detached) return;
  if (buffer.byteOffset !== 0 || whole.byteLength !== buffer.byteLength) return;
  whole.transfer(0);
}
