// General Azure networking rules AZ-01…AZ-16 (domain.md §7), in id order.
import type { Rule } from '../rule';

export const AZ_RULES: readonly Rule[] = [];
