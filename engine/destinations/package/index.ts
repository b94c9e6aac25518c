import type { Destination } from '../destination.js';
import { PackageDestination } from './package-destination.js';

/**
 * The `package:DIR` target: the files the destination's own importers take, written into DIR after every run.
 * `pairName` titles the package's README.
 */
export function createPackageDestination(dir: string, pairName: string): Destination {
  return new PackageDestination(dir, pairName);
}

export { PACKAGE_DB } from './package-destination.js';
