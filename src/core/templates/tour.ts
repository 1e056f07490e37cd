// The getting-started walkthrough's material: the reference architecture with one planted fault to fix in the
// designer, and a Terraform export of it with another planted fault to find in the Problems panel.
import { exportDesign, type ExportedFile } from '../export/export-design';
import type { Design } from '../model/schema';
import { TEMPLATES } from './templates';

/** The folder the walkthrough writes into, relative to the workspace folder. */
export const TOUR_FOLDER = 'ppvnet-tour';
export const TOUR_DESIGN_FILE = 'reference.ppvnet.json';
export const TOUR_TERRAFORM_FOLDER = 'terraform';

/** The subnet whose delegation the tour design leaves out: PPV-008 fires, with a quick fix. */
export const TOUR_DESIGN_FAULT = { element: 'snet-pp-neu', rule: 'PPV-008' } as const;
/** The subnet the Terraform sample shrinks to /25 beside its /24 pair: PPV-011 fires on the attribute. */
export const TOUR_TERRAFORM_FAULT = { element: 'snet-pp-neu', rule: 'PPV-011', addressPrefix: '10.20.1.0/25' } as const;

function seed(name: string): Design {
  const template = TEMPLATES.find((t) => t.id === 'seed');
  if (!template) throw new Error('the seed template is missing');
  return template.create(name);
}

function withSubnet(design: Design, id: string, change: (subnet: Record<string, unknown>) => Record<string, unknown>): Design {
  let found = false;
  const elements = design.elements.map((element) => {
    if (element.id !== id || element.kind !== 'subnet') return element;
    found = true;
    return change({ ...element }) as unknown as typeof element;
  });
  if (!found) throw new Error(`the seed has no subnet ${id}`);
  return { ...design, elements };
}

/** The reference architecture with the failover subnet's Power Platform delegation left out. */
export function tourDesign(): Design {
  return withSubnet(seed('Walkthrough: reference architecture'), TOUR_DESIGN_FAULT.element, (subnet) => ({ ...subnet, delegations: [] }));
}

/** The reference architecture as Terraform, with the failover delegated subnet smaller than its pair. */
export function tourTerraformFiles(): ExportedFile[] {
  const design = withSubnet(seed('Walkthrough: Terraform'), TOUR_TERRAFORM_FAULT.element, (subnet) => ({
    ...subnet,
    addressPrefix: TOUR_TERRAFORM_FAULT.addressPrefix,
  }));
  return exportDesign(design, 'terraform', { designFile: TOUR_DESIGN_FILE });
}
