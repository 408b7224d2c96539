/**
 * What the desk's browser tests write and upload: a story as the newsroom
 * writes them (Kommune21's report on the Digitalministerkonferenz, with German
 * quotes and umlauts) and the photo desk's picture.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { withIptc } from '@newsdesk/testing';

/** The lead of Kommune21's report on the Digitalministerkonferenz, as the newsroom writes them: 370 characters. */
export const TEASER =
  'Bund und Länder wollen Verwaltungsleistungen künftig einmal entwickeln und überall nutzen. ' +
  'Auf der Digitalministerkonferenz in Bonn einigten sich die Ministerinnen und Minister auf ' +
  'gemeinsame Standards für Registermodernisierung, Cloud-Betrieb und digitale Identitäten. ' +
  '„Wir müssen schneller werden“, sagte die Vorsitzende. Die Kommunen sollen früher eingebunden werden.';
export const HEADLINE =
  'Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren';
export const PARAGRAPH =
  'Die Länder wollen ihre Fachverfahren künftig gemeinsam entwickeln. „Einer für alle“ soll ' +
  'nicht länger ein Schlagwort bleiben, sondern die Regel für jede neue Leistung werden.';

/** The agency's caption and credit that the photo desk's picture carries in IPTC. */
export const PICTURE_TEXTS = {
  caption: 'Ein Sensor meldet den Füllstand des Abfallbehälters am Marktplatz.',
  credit: 'Foto: Stadt Arnsberg',
};

/**
 * The photo desk's picture: a real JPEG (a sky-to-ground gradient with grain, a
 * few hundred kilobytes, the same pixels every run so that screenshots stay)
 * with the agency's IPTC caption and credit, and a JPEG comment unique to the
 * call, so that the upload is new (the API answers the same bytes with the old
 * image).
 */
export async function makePicture(texts = PICTURE_TEXTS): Promise<Buffer> {
  const width = 960;
  const height = 720;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed % 49) - 24;
      const sky = y < height * 0.55;
      const i = (y * width + x) * 3;
      pixels[i] = Math.max(0, Math.min(255, (sky ? 90 : 70) + (x * 60) / width + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, (sky ? 140 : 110) + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, (sky ? 210 - (y * 80) / height : 60) + grain));
    }
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const note = Buffer.from(`newsdesk test picture ${randomUUID()}`);
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, note.length + 2]), note]);
  const tagged = withIptc(jpeg, texts);
  return Buffer.concat([tagged.subarray(0, 2), comment, tagged.subarray(2)]);
}
