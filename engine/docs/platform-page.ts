import type { PlatformSpec } from '../spec/generated/platform-spec.js';
import { renderHtmlWithPartials } from '../render/render.js';
import { pairLinks, type PairLink } from './pair-links.js';
import { platformOf, type SiteSpecs } from './site-specs.js';
import { pageLinks, platformPagePath, type PageLinks } from './site-paths.js';

/** Everything the platform page template shows, straight from the platform spec and the pairs that use it. */
export interface PlatformPageView {
  title: string;
  description: string;
  links: PageLinks;
  name: string;
  roles: string;
  summary: string;
  strengths: string[];
  weaknesses: string[];
  gotchas: { title: string; detail: string }[];
  api: { present: boolean; summary: string; documented: string; bulk: string; limits: { name: string; value: string; window: string; note: string }[] };
  editions: { name: string; price: string; customTables: string; note: string }[];
  exportFormat: { present: boolean; facts: { label: string; value: string }[]; notes: string[] };
  automations: { name: string; category: string; description: string }[];
  equivalents: { category: string; equivalent: string; note: string }[];
  objects: { label: string; name: string; fields: number; note: string }[];
  pathsFrom: PairLink[];
  pathsInto: PairLink[];
}

const REFERENCE_STYLES: Record<NonNullable<PlatformSpec['export']>['references'], string> = {
  id: 'by record id',
  name: 'by record name',
  'module-label': 'by module and record name',
  'salesforce-id': 'by 18-character Salesforce id',
};

const OWNER_STYLES: Record<NonNullable<PlatformSpec['export']>['owners'], string> = {
  email: "by the user's email",
  'user-name': "by the user's display name",
  id: "by user id, resolved through the exported user table",
};

export function platformPageView(platformId: string, specs: SiteSpecs): PlatformPageView {
  const spec = platformOf(specs, platformId).spec;
  const page = platformPagePath(platformId);
  const exportSpec = spec.export;
  return {
    title: `${spec.name}: platform notes for migrations`,
    description: spec.summary,
    links: pageLinks(page),
    name: spec.name,
    roles: `${spec.roles.join(' and ')} platform`,
    summary: spec.summary,
    strengths: spec.strengths ?? [],
    weaknesses: spec.weaknesses ?? [],
    gotchas: spec.gotchas ?? [],
    api: {
      present: spec.api !== undefined,
      summary: spec.api?.summary ?? '',
      documented: spec.api?.documented === true ? 'Yes' : 'No',
      bulk: spec.api?.bulk === true ? 'Yes' : 'No',
      limits: (spec.api?.limits ?? []).map((l) => ({ name: l.name, value: `${l.value.toLocaleString('en-US')} ${l.unit}`, window: l.window ?? '', note: l.note ?? '' })),
    },
    editions: (spec.editions ?? []).map((e) => ({
      name: e.name,
      price: e.pricePerUserMonth === undefined ? '' : `${e.pricePerUserMonth.toLocaleString('en-US')} ${e.currency ?? ''}`.trim(),
      customTables: e.customTableLimit === undefined ? '' : e.customTableLimit.toLocaleString('en-US'),
      note: e.note ?? '',
    })),
    exportFormat: {
      present: exportSpec !== undefined,
      facts:
        exportSpec === undefined
          ? []
          : [
              { label: 'How to get it', value: exportSpec.method },
              { label: 'Dates', value: `${exportSpec.dateFormat}, with times as ${exportSpec.dateTimeFormat}` },
              { label: 'References to other records', value: REFERENCE_STYLES[exportSpec.references] },
              { label: 'Owners', value: OWNER_STYLES[exportSpec.owners] },
              ...(exportSpec.attachments === undefined ? [] : [{ label: 'Attachments', value: exportSpec.attachments }]),
            ],
      notes: exportSpec?.notes ?? [],
    },
    automations: (spec.automations ?? []).map((a) => ({ name: a.name, category: a.category, description: a.description })),
    equivalents: (spec.automationEquivalents ?? []).map((e) => ({ category: e.category, equivalent: e.equivalent, note: e.note ?? '' })),
    objects: spec.objects.map((o) => ({ label: o.label, name: o.name, fields: o.fields.length, note: o.note ?? '' })),
    pathsFrom: pairLinks(specs, page, (p) => p.source === platformId),
    pathsInto: pairLinks(specs, page, (p) => p.destination === platformId),
  };
}

export function renderPlatformPage(platformId: string, specs: SiteSpecs): string {
  return renderHtmlWithPartials('site/platform.html.hbs', platformPageView(platformId, specs), 'site/partials');
}
