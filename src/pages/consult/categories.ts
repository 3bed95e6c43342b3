/** What residents may ask their beat officer about; routing by category comes with the consultation job. */
export const CONSULT_CATEGORIES = ['户籍证件', '出入境', '居住证', '治安隐患', '邻里纠纷', '反诈咨询', '建议求助', '其他'] as const;
