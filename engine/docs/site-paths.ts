import { posix } from 'node:path';

/**
 * Where each page of the site lives, relative to the site's root. Links between pages are made relative to the
 * page that holds them, so the folder works from disk (file://) as well as from any web server path.
 */
export const INDEX_PAGE = 'index.html';
export const STYLESHEET = 'style.css';

export function pairPagePath(pairId: string): string {
  return `pairs/${pairId}.html`;
}

export function platformPagePath(platformId: string): string {
  return `platforms/${platformId}.html`;
}

/** The href that leads from the page at `fromPage` to the file at `target` (both relative to the site root). */
export function hrefFrom(fromPage: string, target: string): string {
  return posix.relative(posix.dirname(fromPage), target);
}

/** The links every page carries: home, and the shared stylesheet. */
export interface PageLinks {
  index: string;
  stylesheet: string;
}

export function pageLinks(page: string): PageLinks {
  return { index: hrefFrom(page, INDEX_PAGE), stylesheet: hrefFrom(page, STYLESHEET) };
}
