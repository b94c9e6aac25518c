import { DYNAMICS_CSV } from './dynamics-csv-export.js';
import type { LabelledExport } from './labelled-export.js';
import { SALESFORCE_DATA_LOADER } from './salesforce-data-loader.js';
import { SALESFORCE_WEEKLY } from './salesforce-weekly-export.js';
import { SUITECRM } from './suitecrm.js';
import { VTIGER } from './vtiger.js';
import { ZOHO } from './zoho.js';

/** Every labelled export, one per real export shape. */
export const LABELLED_EXPORTS: LabelledExport[] = [SALESFORCE_WEEKLY, SALESFORCE_DATA_LOADER, DYNAMICS_CSV, VTIGER, ZOHO, SUITECRM];
