/** Azurite for one test file: see scripts/azurite.ts (the benchmark and the load run start it the same way). */
export { startAzurite, type RunningAzurite } from '../../scripts/azurite.js';
