import { describePackageTarget, salesforceScenario } from './package-scenario.js';

describePackageTarget(salesforceScenario);
