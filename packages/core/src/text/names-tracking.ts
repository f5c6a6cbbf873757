import type { Lang } from './lang.ts';
import type { HAZARD_TYPES } from '../tracking/read-actions.ts';
import type { ActionPhase, ActionStatus, CdpTargetType, Change, Freshness, Level, ProgressStatus, TrackedTargetKind, TrackingArea } from '../tracking/types.ts';

/** Display names of the tracking document's terms (docs/tracking.md), in Chinese and English. */

type Text = { readonly en: string; readonly zh: string };

/** The eight areas of Shenzhen's Annual Report on Green and Low-Carbon Development. */
export const TRACKING_AREA_NAMES: Readonly<Record<TrackingArea, Text>> = {
  'top-level-design': { en: 'Top-level design', zh: '顶层设计' },
  'technological-innovation': { en: 'Technological innovation', zh: '科技创新' },
  'industrial-upgrading': { en: 'Industrial upgrading', zh: '产业升级' },
  'energy-management': { en: 'Energy management', zh: '能源管理' },
  transportation: { en: 'Transportation', zh: '交通运输' },
  'green-buildings': { en: 'Green buildings', zh: '绿色建筑' },
  'ecological-environment': { en: 'Ecological environment', zh: '生态环境' },
  cooperation: { en: 'Cooperation and exchange', zh: '交流合作' },
};

export const PROGRESS_STATUS_NAMES: Readonly<Record<ProgressStatus, Text>> = {
  achieved: { en: 'achieved', zh: '已完成' },
  'on-track': { en: 'on track', zh: '进度正常' },
  'at-risk': { en: 'at risk', zh: '存在风险' },
  'off-track': { en: 'off track', zh: '进度滞后' },
  'no-data': { en: 'no data', zh: '暂无数据' },
};

export const ACTION_STATUS_NAMES: Readonly<Record<ActionStatus, Text>> = {
  'not-started': { en: 'not started', zh: '未启动' },
  'in-progress': { en: 'in progress', zh: '推进中' },
  'on-time': { en: 'on time', zh: '按期推进' },
  late: { en: 'late', zh: '滞后' },
  completed: { en: 'completed', zh: '已完成' },
  postponed: { en: 'postponed', zh: '已延期' },
  cancelled: { en: 'cancelled', zh: '已取消' },
  merged: { en: 'merged', zh: '已合并' },
};

export const ACTION_PHASE_NAMES: Readonly<Record<ActionPhase, Text>> = {
  planning: { en: 'planning', zh: '规划' },
  design: { en: 'design', zh: '设计' },
  procurement: { en: 'procurement', zh: '采购' },
  implementation: { en: 'implementation', zh: '实施' },
  operation: { en: 'operation', zh: '运行' },
  evaluation: { en: 'evaluation', zh: '评估' },
};

export const FRESHNESS_NAMES: Readonly<Record<Freshness, Text>> = {
  'on-time': { en: 'updated on time', zh: '按时更新' },
  late: { en: 'update late', zh: '更新滞后' },
  stale: { en: 'stale', zh: '长期未更新' },
  never: { en: 'never updated', zh: '从未更新' },
};

export const LEVEL_NAMES: Readonly<Record<Level, Text>> = { low: { en: 'low', zh: '低' }, medium: { en: 'medium', zh: '中' }, high: { en: 'high', zh: '高' } };

export const CHANGE_NAMES: Readonly<Record<Change, Text>> = {
  increase: { en: 'increase', zh: '增加' },
  decrease: { en: 'decrease', zh: '减少' },
  'no-change': { en: 'no change', zh: '无变化' },
  unknown: { en: 'not known', zh: '未知' },
};

export const HAZARD_TYPE_NAMES: Readonly<Record<(typeof HAZARD_TYPES)[number], Text>> = {
  'extreme-heat': { en: 'extreme heat', zh: '极端高温' },
  'urban-flooding': { en: 'urban flooding', zh: '城市内涝' },
  'heavy-precipitation': { en: 'heavy precipitation', zh: '强降水' },
  drought: { en: 'drought', zh: '干旱' },
  storm: { en: 'storm', zh: '风暴' },
  typhoon: { en: 'typhoon', zh: '台风' },
  'sea-level-rise': { en: 'sea-level rise', zh: '海平面上升' },
  wildfire: { en: 'wildfire', zh: '森林火灾' },
  'cold-wave': { en: 'cold wave', zh: '寒潮' },
  landslide: { en: 'landslide', zh: '山体滑坡' },
  'water-scarcity': { en: 'water scarcity', zh: '水资源短缺' },
  other: { en: 'other hazard', zh: '其他灾害' },
};

export const TRACKED_TARGET_KIND_NAMES: Readonly<Record<TrackedTargetKind, Text>> = {
  peak: { en: 'peak', zh: '碳达峰' },
  cap: { en: 'emissions cap', zh: '排放总量上限' },
  'intensity-decline': { en: 'intensity decline vs a base year', zh: '强度较基年下降' },
  'non-fossil-share': { en: 'non-fossil share', zh: '非化石能源占比' },
  neutrality: { en: 'neutrality', zh: '碳中和' },
  sector: { en: 'sector target', zh: '部门目标' },
};

/** CDP-ICLEI Track's target types. */
export const CDP_TARGET_TYPE_NAMES: Readonly<Record<CdpTargetType, Text>> = {
  'base-year-absolute': { en: 'base year emissions (absolute) target', zh: '基准年绝对量目标' },
  'base-year-intensity': { en: 'base year intensity target', zh: '基准年强度目标' },
  'fixed-level': { en: 'fixed level target', zh: '固定水平目标' },
  'baseline-scenario': { en: 'baseline scenario target', zh: '基准情景目标' },
};

/** Progress as the report writes it: 0.756 → "完成76%" / "76% achieved" (whole percent, rounded half up). */
export function progressText(progress: number, lang: Lang): string {
  const percent = Math.round(progress * 100);
  return lang === 'zh' ? `完成${percent}%` : `${percent}% achieved`;
}
