import { renderHtmlWithPartials } from '../render/render.js';
import { summarizePair } from '../spec/pair-summary.js';
import { complexityView, type EstimateContext } from './pair-estimate-view.js';
import { pairTitle } from './pair-links.js';
import { platformName, platformOf, platformSpecMap, type SiteSpecs } from './site-specs.js';
import { INDEX_PAGE, hrefFrom, pageLinks, pairPagePath, platformPagePath, type PageLinks } from './site-paths.js';

interface PairCard {
  title: string;
  href: string;
  sourceId: string;
  destinationId: string;
  summary: string;
  oneToOne: number;
  objects: number;
  grade: string;
  gradeLetter: string;
  timeline: string;
}

interface FilterOption {
  id: string;
  name: string;
}

/** The site's front page: every pair with its headline figures, filterable by source and destination. */
export interface IndexPageView {
  title: string;
  description: string;
  links: PageLinks;
  pairs: PairCard[];
  sources: FilterOption[];
  destinations: FilterOption[];
  platforms: { name: string; href: string; roles: string }[];
}

export function indexPageView(specs: SiteSpecs, estimates: EstimateContext): IndexPageView {
  const platforms = platformSpecMap(specs);
  const options = (ids: string[]): FilterOption[] => [...new Set(ids)].map((id) => ({ id, name: platformName(specs, id) })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    title: 'CRM migration paths',
    description: 'Every CRM migration path crm-migrate specifies, with its object mapping, complexity and timeline.',
    links: pageLinks(INDEX_PAGE),
    pairs: specs.pairs.map((pair): PairCard => {
      const summary = summarizePair(pair, platforms);
      const complexity = complexityView(pair, platformOf(specs, pair.source), platformOf(specs, pair.destination), estimates);
      return {
        title: pairTitle(specs, pair),
        href: hrefFrom(INDEX_PAGE, pairPagePath(pair.id)),
        sourceId: pair.source,
        destinationId: pair.destination,
        summary: pair.summary,
        oneToOne: summary.oneToOne,
        objects: summary.objects,
        grade: complexity.label,
        gradeLetter: complexity.letter,
        timeline: complexity.timeline,
      };
    }),
    sources: options(specs.pairs.map((p) => p.source)),
    destinations: options(specs.pairs.map((p) => p.destination)),
    platforms: [...specs.platforms.values()].map((p) => ({
      name: p.spec.name,
      href: hrefFrom(INDEX_PAGE, platformPagePath(p.id)),
      roles: p.spec.roles.join(' and '),
    })),
  };
}

export function renderIndexPage(specs: SiteSpecs, estimates: EstimateContext): string {
  return renderHtmlWithPartials('site/index.html.hbs', indexPageView(specs, estimates), 'site/partials');
}
