import { edgeUrlsOf } from './edge-urls';

describe('edgeUrlsOf', () => {
  const stories = new Map([['s1', { slug: 'arnsberg-bins', sectionSlug: 'smart-city' }]]);

  it('checks a listing key at its listing and its feed', () => {
    expect(edgeUrlsOf('section:smart-city', stories)).toEqual([
      '/public/sections/smart-city/teasers',
      '/public/sections/smart-city/feed.xml',
    ]);
    expect(edgeUrlsOf('home', stories)).toContain('/public/feed.xml');
    expect(edgeUrlsOf('tag:ki', stories)).toEqual(['/public/tags/ki/teasers']);
  });

  it("checks a story key at the story's JSON and site page, and skips stories it does not know", () => {
    expect(edgeUrlsOf('story:s1', stories)).toEqual([
      '/public/articles/arnsberg-bins',
      '/site/smart-city/arnsberg-bins',
    ]);
    expect(edgeUrlsOf('story:gone', stories)).toEqual([]);
  });

  it('has no URL for keys that name no document of their own', () => {
    expect(edgeUrlsOf('image:i1', stories)).toEqual([]);
    expect(edgeUrlsOf('feed', stories)).toEqual([]);
    expect(edgeUrlsOf('section:', stories)).toEqual([]);
  });

  it('escapes what a slug could smuggle into a path', () => {
    expect(edgeUrlsOf('tag:a/b?c', stories)).toEqual(['/public/tags/a%2Fb%3Fc/teasers']);
  });
});
