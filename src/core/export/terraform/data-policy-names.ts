// How the power-platform provider's powerplatform_data_loss_prevention_policy spells the design's data
// policy groups: one attribute per group, and the API's classifications for the default group (the provider
// sends business_connectors as "Confidential" and non_business_connectors as "General"). Shared by the
// exporter and the Terraform reader, so the two cannot disagree.
import type { DataPolicyGroup } from '../../rules/analysis/data-policy';

export const DLP_RESOURCE = 'powerplatform_data_loss_prevention_policy';

export const GROUP_ATTRIBUTES: Readonly<Record<DataPolicyGroup, string>> = {
  Business: 'business_connectors',
  NonBusiness: 'non_business_connectors',
  Blocked: 'blocked_connectors',
};

export const DEFAULT_CLASSIFICATIONS: Readonly<Record<DataPolicyGroup, string>> = {
  Business: 'Confidential',
  NonBusiness: 'General',
  Blocked: 'Blocked',
};
