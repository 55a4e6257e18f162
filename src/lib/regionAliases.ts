// County-level bodies whose name is not a division of the GB/T 2260 list but that administer one:
// their reports are that division's. Small and sourced on purpose: every entry names the act that
// set up the body's responsibility for the division. (A sidecar's `region` places any other body.)
export interface RegionAlias {
  /** The body's name as reports print it (compact, no spaces). */
  body: string;
  /** GB/T 2260 code of the division it administers. */
  code: string;
  source: string;
}

export const REGION_ALIASES: readonly RegionAlias[] = [
  {
    body: '平潭综合实验区',
    code: '350128', // 平潭县
    source: '国务院关于平潭综合实验区总体发展规划的批复（国函〔2011〕142号）；平潭综合实验区管理委员会统一管理平潭县行政区域事务（闽委〔2012〕）',
  },
  {
    body: '茫崖行政委员会',
    code: '632803', // 茫崖市
    source: '国务院关于同意青海省撤销茫崖行政委员会和冷湖行政委员会设立县级茫崖市的批复（国函〔2018〕27号）',
  },
  {
    body: '冷湖行政委员会',
    code: '632803', // 茫崖市
    source: '国务院关于同意青海省撤销茫崖行政委员会和冷湖行政委员会设立县级茫崖市的批复（国函〔2018〕27号）',
  },
];
