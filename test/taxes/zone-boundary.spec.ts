import { decimalToMicro, microToDecimal, MicroShape, shapeContains } from '../../src/taxes/geo-zone';
import { readZoneGeometry } from '../../src/taxes/zone-geometry';

const shapeOf = (geometry: object): MicroShape => {
  const result = readZoneGeometry(geometry);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.zone.shape;
};
const point = (lat: string, lng: string) => ({ x: decimalToMicro(lng)!, y: decimalToMicro(lat)! });

describe('decimal degrees are read as whole micro-degrees, without floats', () => {
  const rows: [string, number | null][] = [
    ['41.878113', 41_878_113],
    ['-87.6', -87_600_000],
    ['-89.650000', -89_650_000],
    ['0', 0],
    ['-0.000000', 0],
    ['180', 180_000_000],
    ['.5', 500_000],
    ['12.', 12_000_000],
    ['1e-6', 1],
    ['5e-7', 1],
    ['-5e-7', -1],
    ['4.99e-7', 0],
    ['0.0000005', 1],
    ['39.7000004999', 39_700_000],
    ['1.5e+2', 150_000_000],
    ['abc', null],
    ['', null],
    ['1.2.3', null],
    ['1,5', null],
  ];
  it.each(rows)('%s → %p', (text, micro) => {
    expect(decimalToMicro(text)).toBe(micro);
  });

  it('writes micro-degrees back as DECIMAL(9,6) text', () => {
    expect([microToDecimal(-89_650_000), microToDecimal(1), microToDecimal(-1), microToDecimal(0)]).toEqual([
      '-89.650000',
      '0.000001',
      '-0.000001',
      '0.000000',
    ]);
  });
});

describe('a point is inside a zone when it is in it or on its boundary', () => {
  // Outline −89.7…−89.6 × 39.7…39.8 with a hole −89.66…−89.64 × 39.74…39.76.
  const withHole = shapeOf({
    type: 'Polygon',
    coordinates: [
      [
        [-89.7, 39.7],
        [-89.6, 39.7],
        [-89.6, 39.8],
        [-89.7, 39.8],
        [-89.7, 39.7],
      ],
      [
        [-89.66, 39.74],
        [-89.66, 39.76],
        [-89.64, 39.76],
        [-89.64, 39.74],
        [-89.66, 39.74],
      ],
    ],
  });
  // The lower-right half of the square, cut along the diagonal (−89.7, 39.7)–(−89.6, 39.8).
  const triangle = shapeOf({
    type: 'Polygon',
    coordinates: [
      [
        [-89.7, 39.7],
        [-89.6, 39.7],
        [-89.6, 39.8],
        [-89.7, 39.7],
      ],
    ],
  });
  // A diamond whose left and right corners sit on the ray of points at latitude 0.
  const diamond = shapeOf({
    type: 'Polygon',
    coordinates: [
      [
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
        [0, -1],
      ],
    ],
  });
  // A triangle spanning the globe: its long edge's cross products pass 2^53.
  const huge = shapeOf({
    type: 'Polygon',
    coordinates: [
      [
        [-179.999999, -89.999999],
        [179.999999, -89.999999],
        [179.999999, 89.999999],
        [-179.999999, -89.999999],
      ],
    ],
  });
  const twoSquares = shapeOf({
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [-89.7, 39.7],
          [-89.6, 39.7],
          [-89.6, 39.8],
          [-89.7, 39.8],
          [-89.7, 39.7],
        ],
      ],
      [
        [
          [-88.3, 40.0],
          [-88.2, 40.0],
          [-88.2, 40.1],
          [-88.3, 40.1],
          [-88.3, 40.0],
        ],
      ],
    ],
  });

  const rows: [string, MicroShape, string, string, boolean][] = [
    // [where, zone, latitude, longitude, inside]
    ['well inside', withHole, '39.720000', '-89.620000', true],
    ['outside, to the west', withHole, '39.750000', '-89.800000', false],
    ['exactly on the south edge', withHole, '39.700000', '-89.650000', true],
    ['one micro-degree south of that edge', withHole, '39.699999', '-89.650000', false],
    ['exactly on the east edge', withHole, '39.750000', '-89.600000', true],
    ['one micro-degree east of that edge', withHole, '39.750000', '-89.599999', false],
    ['on the south-west corner', withHole, '39.700000', '-89.700000', true],
    ['on the north-east corner', withHole, '39.800000', '-89.600000', true],
    ['on the line of the south edge, past the corner', withHole, '39.700000', '-89.750000', false],
    ['inside the hole', withHole, '39.750000', '-89.650000', false],
    ["on the hole's edge", withHole, '39.750000', '-89.660000', true],
    ["on the hole's corner", withHole, '39.760000', '-89.640000', true],
    ['between the hole and the outline', withHole, '39.750000', '-89.670000', true],
    ['exactly on a sloped edge', triangle, '39.750000', '-89.650000', true],
    ['one micro-degree inside the sloped edge', triangle, '39.750000', '-89.649999', true],
    ['one micro-degree outside the sloped edge', triangle, '39.750000', '-89.650001', false],
    ['left of the diamond, ray through both side corners', diamond, '0.000000', '-1.500000', false],
    ['inside the diamond, ray through its right corner', diamond, '0.000000', '-0.500000', true],
    ['right of the diamond', diamond, '0.000000', '1.500000', false],
    ['on the globe-wide long edge', huge, '0.000000', '0.000000', true],
    ['a micro-degree inside the long edge', huge, '0.000000', '0.000001', true],
    ['a micro-degree outside the long edge', huge, '0.000000', '-0.000001', false],
    ['in the first of two polygons', twoSquares, '39.750000', '-89.650000', true],
    ['in the second of two polygons', twoSquares, '40.050000', '-88.250000', true],
    ['on the edge of the second polygon', twoSquares, '40.100000', '-88.250000', true],
    ['between the two polygons', twoSquares, '39.900000', '-89.000000', false],
  ];

  it.each(rows)('%s', (_where, shape, lat, lng, inside) => {
    expect(shapeContains(shape, point(lat, lng))).toBe(inside);
  });
});

describe('a zone geometry is checked and stored to six decimals', () => {
  it('rounds coordinates half away from zero and keeps only type and coordinates', () => {
    const result = readZoneGeometry({
      type: 'Polygon',
      bbox: [0, 0, 1, 1],
      coordinates: [
        [
          [-89.7000004, 39.7, 120],
          [-89.6000005, 39.7],
          [-89.6, 39.8000005],
          [-89.7, 39.8],
          [-89.7, 39.7],
        ],
      ],
    });
    expect(result.ok && result.zone.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-89.7, 39.7],
          [-89.600001, 39.7],
          [-89.6, 39.800001],
          [-89.7, 39.8],
          [-89.7, 39.7],
        ],
      ],
    });
    expect(result.ok && result.zone.bounds).toEqual({ minX: -89_700_000, maxX: -89_600_000, minY: 39_700_000, maxY: 39_800_001 });
  });

  const bad: [string, unknown, string, string][] = [
    ['not an object', 'POLYGON((0 0))', 'geometry', 'geoJson'],
    ['a Point', { type: 'Point', coordinates: [0, 0] }, 'geometry.type', 'isIn'],
    ['no coordinates', { type: 'Polygon' }, 'geometry.coordinates', 'isArray'],
    [
      'a ring of three positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates.0',
      'ringSize',
    ],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      'geometry.coordinates.0',
      'ringClosed',
    ],
    [
      'a longitude past 180',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [181, 1],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates.0.2',
      'longitude',
    ],
    [
      'a latitude past -90',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, -90.5],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates.0.1',
      'latitude',
    ],
    [
      'an infinite coordinate',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [Infinity, 1],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates.0.2',
      'finite',
    ],
    [
      'a NaN coordinate',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, NaN],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates.0.2',
      'finite',
    ],
    [
      'a position as text',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            ['1', '0'],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'geometry.coordinates.0.1',
      'position',
    ],
    ['a position of one number', { type: 'Polygon', coordinates: [[[0, 0], [1], [1, 1], [0, 0]]] }, 'geometry.coordinates.0.1', 'position'],
    [
      'a bad latitude in the second polygon of a MultiPolygon',
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [5, 5],
              [6, 5],
              [6, 95],
              [5, 5],
            ],
          ],
        ],
      },
      'geometry.coordinates.1.0.2',
      'latitude',
    ],
  ];

  it.each(bad)('refuses %s, naming the field', (_label, input, field, rule) => {
    const result = readZoneGeometry(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });
});
