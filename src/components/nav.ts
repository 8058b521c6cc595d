/** The header's main navigation, in order: adding a page to it is one line here. */
export const NAV_LINKS = [
  { id: 'home', path: '/', label: '首页' },
  { id: 'abilities', path: '/abilities/', label: '微能力点' },
  { id: 'policies', path: '/policies/', label: '地区政策' },
  { id: 'compare', path: '/compare/', label: '政策比较' },
  { id: 'self-check', path: '/self-check/', label: '自评' },
  { id: 'rubrics', path: '/rubrics/', label: '录入评价标准' },
  { id: 'review', path: '/review/', label: '互评与复评' },
  { id: 'school-plan', path: '/school/plan/', label: '考核方案' },
  { id: 'school', path: '/school/', label: '学校档案' },
  { id: 'county', path: '/county/', label: '县级汇总' },
  { id: 'glossary', path: '/glossary/', label: '术语表' },
  { id: 'about', path: '/about/', label: '关于与来源' },
] as const;

export type NavId = (typeof NAV_LINKS)[number]['id'];
