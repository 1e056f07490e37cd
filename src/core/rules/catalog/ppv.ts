// Power Platform VNet support rules PPV-001…PPV-045 (domain.md §8) and PPV-050…PPV-053 (DNS private resolver), in id order.
import type { Rule } from '../rule';
import { rule as PPV_001 } from './PPV-001';
import { rule as PPV_002 } from './PPV-002';
import { rule as PPV_003 } from './PPV-003';
import { rule as PPV_004 } from './PPV-004';
import { rule as PPV_005 } from './PPV-005';
import { rule as PPV_006 } from './PPV-006';
import { rule as PPV_007 } from './PPV-007';
import { rule as PPV_008 } from './PPV-008';
import { rule as PPV_009 } from './PPV-009';
import { rule as PPV_010 } from './PPV-010';
import { rule as PPV_011 } from './PPV-011';
import { rule as PPV_012 } from './PPV-012';
import { rule as PPV_013 } from './PPV-013';
import { rule as PPV_014 } from './PPV-014';
import { rule as PPV_015 } from './PPV-015';
import { rule as PPV_016 } from './PPV-016';
import { rule as PPV_017 } from './PPV-017';
import { rule as PPV_018 } from './PPV-018';
import { rule as PPV_019 } from './PPV-019';
import { rule as PPV_020 } from './PPV-020';
import { rule as PPV_021 } from './PPV-021';
import { rule as PPV_022 } from './PPV-022';
import { rule as PPV_023 } from './PPV-023';
import { rule as PPV_024 } from './PPV-024';
import { rule as PPV_025 } from './PPV-025';
import { rule as PPV_026 } from './PPV-026';
import { rule as PPV_027 } from './PPV-027';
import { rule as PPV_028 } from './PPV-028';
import { rule as PPV_029 } from './PPV-029';
import { rule as PPV_030 } from './PPV-030';
import { rule as PPV_031 } from './PPV-031';
import { rule as PPV_032 } from './PPV-032';
import { rule as PPV_033 } from './PPV-033';
import { rule as PPV_034 } from './PPV-034';
import { rule as PPV_035 } from './PPV-035';
import { rule as PPV_036 } from './PPV-036';
import { rule as PPV_037 } from './PPV-037';
import { rule as PPV_038 } from './PPV-038';
import { rule as PPV_039 } from './PPV-039';
import { rule as PPV_040 } from './PPV-040';
import { rule as PPV_041 } from './PPV-041';
import { rule as PPV_042 } from './PPV-042';
import { rule as PPV_043 } from './PPV-043';
import { rule as PPV_044 } from './PPV-044';
import { rule as PPV_045 } from './PPV-045';
import { rule as PPV_046 } from './PPV-046';
import { rule as PPV_047 } from './PPV-047';
import { rule as PPV_048 } from './PPV-048';
import { rule as PPV_049 } from './PPV-049';
import { rule as PPV_050 } from './PPV-050';
import { rule as PPV_051 } from './PPV-051';
import { rule as PPV_052 } from './PPV-052';
import { rule as PPV_053 } from './PPV-053';
import { rule as PPV_054 } from './PPV-054';
import { rule as PPV_055 } from './PPV-055';
import { rule as PPV_056 } from './PPV-056';
import { rule as PPV_057 } from './PPV-057';
import { rule as PPV_058 } from './PPV-058';

export const PPV_RULES: readonly Rule[] = [
  PPV_001,
  PPV_002,
  PPV_003,
  PPV_004,
  PPV_005,
  PPV_006,
  PPV_007,
  PPV_008,
  PPV_009,
  PPV_010,
  PPV_011,
  PPV_012,
  PPV_013,
  PPV_014,
  PPV_015,
  PPV_016,
  PPV_017,
  PPV_018,
  PPV_019,
  PPV_020,
  PPV_021,
  PPV_022,
  PPV_023,
  PPV_024,
  PPV_025,
  PPV_026,
  PPV_027,
  PPV_028,
  PPV_029,
  PPV_030,
  PPV_031,
  PPV_032,
  PPV_033,
  PPV_034,
  PPV_035,
  PPV_036,
  PPV_037,
  PPV_038,
  PPV_039,
  PPV_040,
  PPV_041,
  PPV_042,
  PPV_043,
  PPV_044,
  PPV_045,
  PPV_046,
  PPV_047,
  PPV_048,
  PPV_049,
  PPV_050,
  PPV_051,
  PPV_052,
  PPV_053,
  PPV_054,
  PPV_055,
  PPV_056,
  PPV_057,
  PPV_058,
];
