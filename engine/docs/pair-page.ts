import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { renderHtmlWithPartials } from '../render/render.js';
import { summarizePair } from '../spec/pair-summary.js';
import { listedRows } from '../spec/pair-model.js';
import { importOrderDiagram, type ImportOrderDiagram } from './import-order-diagram.js';
import { importSteps, type ImportStep } from './import-steps.js';
import { mappingDiagram, type MappingDiagram } from './mapping-diagram.js';
import { objectRowsView, type ObjectRowView } from './object-rows-view.js';
import { fieldMappingOf, type ObjectMapping } from './mapping/field-mapping.js';
import { pairLinks, pairTitle, type PairLink } from './pair-links.js';
import { pairPromises, type PairPromise } from './pair-promises.js';
import { complexityView, estimatorRows, type ComplexityView, type EstimatorRow, type EstimateContext } from './pair-estimate-view.js';
import { platformOf, platformSpecMap, type SiteSpecs } from './site-specs.js';
import { hrefFrom, pageLinks, pairPagePath, platformPagePath, type PageLinks } from './site-paths.js';

interface GotchaGroup {
  heading: string;
  items: { title: string; detail: string }[];
}

interface DeepDive {
  role: 'Source' | 'Destination';
  name: string;
  href: string;
  strengths: string[];
  weaknesses: string[];
}

/** Everything the pair page template shows; each figure is computed here from the specs. */
export interface PairPageView {
  title: string;
  description: string;
  links: PageLinks;
  source: { name: string; shortName: string; href: string };
  destination: { name: string; shortName: string; href: string };
  summary: string;
  counts: { objects: number; oneToOne: number };
  overview: string;
  promises: PairPromise[];
  whySwitch: { present: boolean; leaving: string[]; choosing: string[] };
  mappingDiagram: MappingDiagram;
  /** Each object row with its field-level map: every field, lookup and owner of its loads. */
  /** Rows of the object table, each with its narrative. */
  rows: PairPageRow[];
  /** Rows the page promises in its overview rather than in the table (`listed: false`), shown under "Also moved". */
  alsoMoved: PairPageRow[];
  exclusions: { what: string; reason: string }[];
  gotchas: GotchaGroup[];
  phases: { title: string; detail: string; optional: boolean }[];
  importOrder: { steps: ImportStep[]; loadCount: number; wide: ImportOrderDiagram; tall: ImportOrderDiagram };
  platforms: DeepDive[];
  complexity: ComplexityView;
  estimates: EstimatorRow[];
  faq: { question: string; answer: string }[];
  adjacent: { heading: string; links: PairLink[]; empty: string }[];
}

export function pairPageView(pair: PairSpec, specs: SiteSpecs, estimates: EstimateContext): PairPageView {
  const page = pairPagePath(pair.id);
  const source = platformOf(specs, pair.source);
  const destination = platformOf(specs, pair.destination);
  const sourceName = source.spec.name;
  const destinationName = destination.spec.name;
  const summary = summarizePair(pair, platformSpecMap(specs));
  const steps = importSteps(pair, source, destination);
  const loadCount = steps.reduce((sum, s) => sum + s.loads.length, 0);
  const orderTitle = `Import order for ${sourceName} to ${destinationName}: ${loadCount} loads in ${steps.length} steps`;
  return {
    title: `${pairTitle(specs, pair)} migration`,
    description: pair.summary,
    links: pageLinks(page),
    source: { name: sourceName, shortName: shortName(source), href: hrefFrom(page, platformPagePath(pair.source)) },
    destination: { name: destinationName, shortName: shortName(destination), href: hrefFrom(page, platformPagePath(pair.destination)) },
    summary: pair.summary,
    counts: { objects: summary.objects, oneToOne: summary.oneToOne },
    overview: pair.overview,
    promises: pairPromises(pair, destination),
    whySwitch: { present: pair.whySwitch !== undefined, leaving: pair.whySwitch?.leaving ?? [], choosing: pair.whySwitch?.choosing ?? [] },
    mappingDiagram: mappingDiagram(
      listedRows(pair),
      { source: shortName(source), destination: shortName(destination) },
      `Object mapping from ${sourceName} to ${destinationName}: ${summary.oneToOne} of ${summary.objects} objects map 1:1`,
    ),
    ...splitRows(withFieldMaps(objectRowsView(pair), fieldMappingOf({ pair, source, destination }))),
    exclusions: pair.exclusions ?? [],
    gotchas: [
      { heading: `${sourceName} gotchas`, items: source.spec.gotchas ?? [] },
      { heading: `${destinationName} gotchas`, items: destination.spec.gotchas ?? [] },
      { heading: 'Challenges of this pair', items: pair.challenges },
    ],
    phases: pair.approach.map((p) => ({ title: p.title, detail: p.detail, optional: p.optional === true })),
    importOrder: {
      steps,
      loadCount,
      wide: importOrderDiagram(steps, 'wide', orderTitle),
      tall: importOrderDiagram(steps, 'tall', orderTitle),
    },
    platforms: [deepDive('Source', source, page), deepDive('Destination', destination, page)],
    complexity: complexityView(pair, source, destination, estimates),
    estimates: estimatorRows(pair, source, destination, estimates),
    faq: pair.faq ?? [],
    adjacent: [
      {
        heading: `Other ways to leave ${sourceName}`,
        links: pairLinks(specs, page, (p) => p.source === pair.source && p.id !== pair.id),
        empty: `No other path out of ${sourceName} is specified yet.`,
      },
      {
        heading: `Other ways into ${destinationName}`,
        links: pairLinks(specs, page, (p) => p.destination === pair.destination && p.id !== pair.id),
        empty: `No other path into ${destinationName} is specified yet.`,
      },
    ],
  };
}

export function renderPairPage(pair: PairSpec, specs: SiteSpecs, estimates: EstimateContext): string {
  return renderHtmlWithPartials('site/pair.html.hbs', pairPageView(pair, specs, estimates), 'site/partials');
}

type PairPageRow = ObjectRowView & { fieldMap: ObjectMapping & { single: boolean } };

function splitRows(rows: PairPageRow[]): Pick<PairPageView, 'rows' | 'alsoMoved'> {
  return { rows: rows.filter((r) => r.listed), alsoMoved: rows.filter((r) => !r.listed) };
}

function withFieldMaps(rows: ObjectRowView[], maps: ObjectMapping[]): PairPageRow[] {
  return rows.map((row, i) => {
    const map = maps[i] ?? { rowId: '', source: row.source, destination: row.destination, loads: [], fieldCount: 0 };
    return { ...row, fieldMap: { ...map, single: map.fieldCount === 1 } };
  });
}

function deepDive(role: DeepDive['role'], platform: PlatformIndex, page: string): DeepDive {
  return {
    role,
    name: platform.spec.name,
    href: hrefFrom(page, platformPagePath(platform.id)),
    strengths: platform.spec.strengths ?? [],
    weaknesses: platform.spec.weaknesses ?? [],
  };
}

function shortName(platform: PlatformIndex): string {
  return platform.spec.shortName ?? platform.spec.name;
}
