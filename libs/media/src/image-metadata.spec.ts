import sharp from 'sharp';
import { fixMojibake, readEmbeddedMetadata } from './image-metadata';
import { sidewaysJpeg } from '@newsdesk/testing';

describe('readEmbeddedMetadata', () => {
  it('reads IPTC caption, credit, byline and copyright, umlauts intact', async () => {
    const file = await sidewaysJpeg(64, 48, {
      caption: 'Smarte Abfallbehälter in Arnsberg – „im Test“',
      credit: 'Bildquelle: Max Muster/Agentur',
      byline: 'Max Muster',
      copyright: '© Agentur',
    });
    expect(await readEmbeddedMetadata(file)).toMatchObject({
      caption: 'Smarte Abfallbehälter in Arnsberg – „im Test“',
      credit: 'Bildquelle: Max Muster/Agentur',
      byline: 'Max Muster',
      copyright: '© Agentur',
    });
  });

  it('falls back to EXIF and reads the date taken', async () => {
    const file = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({
        IFD0: { ImageDescription: 'Rathaus', Artist: 'Erika Foto' },
        IFD2: { DateTimeOriginal: '2026:05:04 10:11:12' },
      })
      .toBuffer();
    const meta = await readEmbeddedMetadata(file);
    expect(meta).toMatchObject({ caption: 'Rathaus', byline: 'Erika Foto', credit: '' });
    expect(meta.dateTaken?.getFullYear()).toBe(2026);
  });

  it('returns empty fields for a file without metadata', async () => {
    const file = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    expect(await readEmbeddedMetadata(file)).toEqual({
      caption: '',
      credit: '',
      byline: '',
      copyright: '',
      dateTaken: null,
    });
  });
});

describe('fixMojibake', () => {
  it('repairs UTF-8 read as Latin-1 and leaves real Latin-1 alone', () => {
    expect(fixMojibake(Buffer.from('Größe', 'utf8').toString('latin1'))).toBe('Größe');
    expect(fixMojibake('Größe')).toBe('Größe');
    expect(fixMojibake('plain')).toBe('plain');
  });
});
