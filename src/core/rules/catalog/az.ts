// General Azure networking rules AZ-01…AZ-17 (domain.md §7), in id order.
import type { Rule } from '../rule';
import { rule as AZ01 } from './AZ-01';
import { rule as AZ02 } from './AZ-02';
import { rule as AZ03 } from './AZ-03';
import { rule as AZ04 } from './AZ-04';
import { rule as AZ05 } from './AZ-05';
import { rule as AZ06 } from './AZ-06';
import { rule as AZ07 } from './AZ-07';
import { rule as AZ08 } from './AZ-08';
import { rule as AZ09 } from './AZ-09';
import { rule as AZ10 } from './AZ-10';
import { rule as AZ11 } from './AZ-11';
import { rule as AZ12 } from './AZ-12';
import { rule as AZ13 } from './AZ-13';
import { rule as AZ14 } from './AZ-14';
import { rule as AZ15 } from './AZ-15';
import { rule as AZ16 } from './AZ-16';
import { rule as AZ17 } from './AZ-17';

export const AZ_RULES: readonly Rule[] = [AZ01, AZ02, AZ03, AZ04, AZ05, AZ06, AZ07, AZ08, AZ09, AZ10, AZ11, AZ12, AZ13, AZ14, AZ15, AZ16, AZ17];
