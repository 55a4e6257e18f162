// The terms the data is offered under, stated once: the data page, the downloads and every report
// CSV say the same. The code's licence is LICENSE (MIT).
export const DATA_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
  /** One line for files. */
  line: '数据许可：本站整理的数据（表格、核对结果、字段）按 CC BY 4.0 许可提供，使用时请注明来源（本站及原报告）；各县年度报告本身是政府公开发布的信息，其权利归发布机关。',
} as const;

/** data/LICENSE.txt: what a download may be used for, beside the files. */
export const DATA_LICENCE_TEXT = `${DATA_LICENCE.line}
Data licence: the figures as compiled by this site (tables, checks, field dictionary) are offered under
Creative Commons Attribution 4.0 International (CC BY 4.0), ${DATA_LICENCE.url.replace('deed.zh-hans', '')}.
Attribute the site and the county's report. The annual reports themselves are government publications
(政府信息公开工作年度报告) and belong to the bodies that issued them.
`;
