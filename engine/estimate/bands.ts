/** The band a value falls in: the last one whose `from` it reaches. The rules' check keeps bands rising from 0. */
export function bandAt<T extends { from: number }>(bands: readonly [T, ...T[]], value: number): T {
  let found = bands[0];
  for (const band of bands) if (value >= band.from) found = band;
  return found;
}

/** The band after `band`, if any: where `band` ends. */
export function nextBand<T>(bands: readonly T[], band: T): T | undefined {
  return bands[bands.indexOf(band) + 1];
}
