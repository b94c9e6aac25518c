/** Word lists for companies, deals, activities and free text. */

export const COMPANY_STEMS = [
  'Nordwind', 'Fjordline', 'Blue Harbor', 'Zephyr', 'Kestrel', 'Solaris', 'Brightwater', 'Old Mill', 'Iron Bridge',
  'Cedar', 'Helios', 'Lumière', 'Großmann', 'Vértice', 'Polaris', 'Kite', 'Summit', 'Riverbend', 'Silverline',
  'Copperleaf', 'Quantum', 'Redwood', 'Tidewater', 'Hawthorn', 'Beacon', 'Mistral', 'Sakura', 'Åkerlund', 'Baltica',
  'Caledonia', 'Orchard', 'Meridian', 'Halcyon', 'Stonegate', 'Juniper', 'Ørsted Vej', 'Aurora', 'Piccolo',
  'Westbrook', 'Marigold',
] as const;

export const COMPANY_TRADES = [
  'Logistics', 'Analytics', 'Foods', 'Builders', 'Consulting', 'Health', 'Media', 'Robotics', 'Textiles', 'Energy',
  'Capital', 'Software', 'Brewing', 'Design', 'Freight', 'Labs', 'Pharma', 'Outfitters', 'Travel', 'Insurance',
  'Dental Care', 'Architects', 'Marine', 'Print & Packaging',
] as const;

export const LEGAL_FORMS = [
  'Ltd', 'GmbH', 'Inc.', 'LLC', 'S.A.', 'ApS', 'AB', 'Oy', 'B.V.', 'SARL', 'Pty Ltd', '& Co.', 'Co., Ltd.', 'plc',
  'S.r.l.', 'sp. z o.o.', 'AG', 'K.K.',
] as const;

/** Never used by the name generator, so a company reference built from it finds nothing. */
export const MISSING_COMPANY_NAME = 'Vanished Ventures (closed 2019) Ltd';

export const DEAL_PRODUCTS = [
  'Fleet telematics', 'Cloud backup', 'Solar retrofit', 'Annual support', 'Data platform', 'Warehouse robots',
  'Payroll service', 'Office fit-out', 'Security audit', 'Café equipment', 'Training programme', 'CRM seats',
  'Label printers', 'Cold-chain sensors', 'Website redesign', 'Field service app',
] as const;

export const DEAL_KINDS = ['renewal', 'expansion', 'pilot', 'rollout', 'upgrade', 'licence', 'framework deal', 'phase 2'] as const;

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

export const SUBJECT_TOPICS = [
  'pricing', 'contract renewal', 'onboarding', 'the pilot results', 'delivery dates', 'the Zürich rollout',
  'invoice #4471', 'support escalation', 'the product demo', 'budget for next year', 'integration questions',
  'site visit', 'the security questionnaire', 'reference call', 'training schedule',
] as const;

export const SUBJECT_FORMS = [
  'Follow-up on {t}', 'Call about {t}', 'Meeting: {t}', 'Send proposal re {t}', 'Re: {t}', 'Check in on {t}',
  'Prepare notes for {t}', 'Demo and Q&A — {t}',
] as const;

/** Subject forms for activity rows whose type (the `where` value) names what they are. */
export const SUBJECTS_BY_KIND: Record<string, readonly string[]> = {
  call: ['Call about {t}', 'Follow-up call re {t}', 'Left voicemail about {t}', 'Discovery call: {t}'],
  email: ['Re: {t}', 'Fwd: {t}', 'Proposal attached — {t}', 'Quick question on {t}'],
  meeting: ['Meeting: {t}', 'Workshop on {t}', 'Lunch meeting — {t}', 'Quarterly review: {t}'],
  event: ['Meeting: {t}', 'Site visit — {t}', 'Webinar: {t}'],
  task: ['Send proposal re {t}', 'Prepare notes for {t}', 'Check in on {t}', 'Update forecast after {t}'],
};

export const SENTENCES = [
  'Customer asked for a revised quote before the end of the month.',
  'Spoke with the finance team; budget is approved for the first phase.',
  'They currently use spreadsheets and want a single view of their accounts.',
  'Decision maker is travelling until next week, follow up afterwards.',
  'Requested references from two customers in the same industry.',
  'Concerned about data residency; send the security whitepaper.',
  'Bestellung kommt voraussichtlich im März, Ansprechpartnerin ist Frau Kühn.',
  'Le client souhaite une démonstration sur site à Lyon.',
  'Competitor offered a 15% discount, we are holding our price for now.',
  'Shipment arrived damaged; replacement agreed at no cost.',
  'Interested in the premium tier if onboarding can finish by Q3.',
  'Legal is reviewing the data processing agreement.',
  'Asked us to call back after 4pm their time.',
  'Pilot went well: 12 users active daily, two feature requests logged.',
  'Contract signed — kickoff scheduled with the project team.',
] as const;

export const SIGN_OFFS = ['— Sarah', 'Thanks, J.', 'Best regards,\nThe account team', '-- sent from mobile'] as const;

export const TAGS = [
  'VIP', 'Newsletter', 'Trade Show 2024', 'Partner', 'Référence client', 'Churn risk', 'Upsell', 'Webinar',
  'Key account', 'Inbound', 'Nordics', 'DACH', 'Beta tester',
] as const;

export const INDUSTRIES = [
  'Manufacturing', 'Retail', 'Healthcare', 'Financial Services', 'Technology', 'Education', 'Hospitality',
  'Construction', 'Media', 'Transportation', 'Non-Profit', 'Real Estate',
] as const;

export const WORDS = [
  'Standard', 'Premium', 'North', 'South', 'Direct', 'Partner', 'Online', 'Referral', 'Enterprise', 'Small business',
  'Web', 'Event', 'Priority', 'Other',
] as const;

export const MEETING_PLACES = ['Head office, room 3', 'Microsoft Teams', 'Customer site', 'Café Größenwahn', 'Zoom', 'Booth B12, Messe Berlin'] as const;

export const FILE_STEMS = ['site-survey', 'signed-contract', 'quote-v2', 'meeting-notes', 'price-list', 'org-chart', 'requirements', 'invoice-4471'] as const;
