import { cropAround, widthsWithoutUpscaling } from './crop';

describe('cropAround', () => {
  it('centres a 16:9 box on the focal point of a 4:3 image', () => {
    expect(cropAround(1600, 1200, 16 / 9, { x: 0.5, y: 0.5 })).toEqual({
      left: 0,
      top: 150,
      width: 1600,
      height: 900,
    });
  });

  it('keeps the box inside the image at the edges', () => {
    expect(cropAround(1600, 1200, 16 / 9, { x: 0.5, y: 0 })).toMatchObject({ top: 0 });
    expect(cropAround(1600, 1200, 16 / 9, { x: 0.5, y: 1 })).toMatchObject({ top: 300 });
    expect(cropAround(2000, 1000, 4 / 3, { x: 0.9, y: 0.5 })).toEqual({
      left: 667,
      top: 0,
      width: 1333,
      height: 1000,
    });
  });
});

describe('widthsWithoutUpscaling', () => {
  it('drops widths the source cannot fill', () => {
    expect(widthsWithoutUpscaling([768, 1280, 1920], 1500)).toEqual([
      { requested: 768, actual: 768 },
      { requested: 1280, actual: 1280 },
    ]);
  });

  it('renders a small source at its own width rather than not at all', () => {
    expect(widthsWithoutUpscaling([320, 640], 200)).toEqual([{ requested: 320, actual: 200 }]);
  });
});
