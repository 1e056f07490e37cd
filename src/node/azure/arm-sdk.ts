// The Azure SDK parts the ARM reader uses, in one module of their own so that the extension loads them on the
// first Import/Compare with Azure and not at activation (scripts/build.mjs bundles this module separately).
export { NetworkManagementClient } from '@azure/arm-network';
export { ResourceManagementClient } from '@azure/arm-resources';
export { createPipelineRequest } from '@azure/core-rest-pipeline';
