import { dataverseScenario, describePackageTarget } from './package-scenario.js';

describePackageTarget(dataverseScenario);
