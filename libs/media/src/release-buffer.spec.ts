import { releaseBuffer } from './release-buffer';

describe('releaseBuffer', () => {
  it('frees a buffer that owns its whole memory: it is empty afterwards', () => {
    const pixels = Buffer.alloc(8 << 20, 7);
    releaseBuffer(pixels);
    expect(pixels.length).toBe(0);
    expect(pixels.buffer.byteLength).toBe(0);
    releaseBuffer(pixels); // a second call does nothing
    expect(pixels.length).toBe(0);
  });

  it("leaves a view alone: a slice, or a small buffer from Node.js's shared pool", () => {
    const whole = Buffer.alloc(1 << 20, 1);
    const slice = whole.subarray(16);
    releaseBuffer(slice);
    expect(slice.length).toBe((1 << 20) - 16);
    expect(whole.length).toBe(1 << 20);

    const small = Buffer.from('Smart City');
    const neighbour = Buffer.from('Weitere Meldungen');
    releaseBuffer(small);
    expect(small.toString()).toBe('Smart City');
    expect(neighbour.toString()).toBe('Weitere Meldungen');
  });

  it('frees what sharp hands back', async () => {
    const { default: sharp } = await import('sharp');
    const out = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c00' } })
      .raw()
      .toBuffer();
    expect(out.length).toBe(64 * 64 * 3);
    releaseBuffer(out);
    expect(out.length).toBe(0);
  });
});
