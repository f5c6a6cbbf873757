import { texts } from './define.ts';

// Texts shared by every page: the frame, sign-in, errors, states, units.
export default texts(
  {
    brand: 'peakpath',
    tagline: 'Carbon peaking and neutrality planning',
    skip: 'Skip to content',
    nav: { overview: 'Network overview', main: 'Main navigation' },
    language: { label: 'Language', switchTo: '中文', current: 'English' },
    session: { signIn: 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in as {{name}}', publicView: 'Public view: published documents only' },
    signIn: {
      title: 'Sign in to peakpath',
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
      working: 'Signing in…',
      hint: 'The administrator’s password is printed once by the first start of the server (`npm start`).',
    },
    state: { loading: 'Loading…', noData: 'No data yet', none: '—', saving: 'Saving…', saved: 'Saved', readOnly: 'Read only' },
    error: {
      title: 'Something went wrong',
      notFound: 'This page does not exist.',
      forbidden: 'You may not open this page: ask an administrator for a role on this city.',
      retry: 'Try again',
      issues: 'Problems found',
    },
    unit: { t: 't', tco2e: 't CO2e', perCapita: 't CO2e per person', perGdp: 't CO2e per 10,000 yuan' },
    kind: { city: 'City', district: 'District', park: 'Industrial park', community: 'Community', cluster: 'City cluster' },
    docKind: { inventory: 'Inventory', pathway: 'Pathway', plan: 'Action plan' },
  },
  {
    brand: 'peakpath',
    tagline: '碳达峰碳中和规划',
    skip: '跳到正文',
    nav: { overview: '网络概览', main: '主导航' },
    language: { label: '语言', switchTo: 'English', current: '中文' },
    session: { signIn: '登录', signOut: '退出', signedInAs: '已登录：{{name}}', publicView: '公开视图：仅显示已发布的文档' },
    signIn: {
      title: '登录 peakpath',
      email: '邮箱',
      password: '密码',
      submit: '登录',
      working: '正在登录…',
      hint: '管理员密码在服务首次启动（`npm start`）时打印一次。',
    },
    state: { loading: '加载中…', noData: '暂无数据', none: '—', saving: '保存中…', saved: '已保存', readOnly: '只读' },
    error: {
      title: '出错了',
      notFound: '页面不存在。',
      forbidden: '您无权打开此页面：请向管理员申请该城市的角色。',
      retry: '重试',
      issues: '发现的问题',
    },
    unit: { t: '吨', tco2e: '吨CO2e', perCapita: '吨CO2e/人', perGdp: '吨CO2e/万元' },
    kind: { city: '城市', district: '区县', park: '产业园区', community: '社区', cluster: '城市群' },
    docKind: { inventory: '清单', pathway: '路径', plan: '行动方案' },
  },
);
