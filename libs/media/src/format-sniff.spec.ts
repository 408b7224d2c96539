import sharp from 'sharp';
import { sniffImageFormat } from './format-sniff';

const pixel = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#c33' } });

describe('sniffImageFormat', () => {
  it.each([
    ['jpeg', () => pixel().jpeg().toBuffer()],
    ['png', () => pixel().png().toBuffer()],
    ['webp', () => pixel().webp().toBuffer()],
    ['avif', () => pixel().avif().toBuffer()],
    ['tiff', () => pixel().tiff().toBuffer()],
    ['gif', () => pixel().gif().toBuffer()],
  ] as const)('recognises %s from its bytes', async (format, make) => {
    expect(sniffImageFormat(await make())).toBe(format);
  });

  it('recognises HEIC by its ftyp brand', () => {
    const head = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic'),
    ]);
    expect(sniffImageFormat(head)).toBe('heic');
  });

  it.each([
    ['svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['html', '<!doctype html><title>x</title>'],
    ['text', 'just some text that claims to be a JPEG'],
    ['pdf', '%PDF-1.7'],
    ['empty', ''],
  ])('refuses %s', (_name, text) => {
    expect(sniffImageFormat(Buffer.from(text))).toBeNull();
  });
});
