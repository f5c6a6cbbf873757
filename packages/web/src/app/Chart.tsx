import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type * as EChartsSetup from './echarts-setup.ts';

type EChartsModule = typeof EChartsSetup;
let loading: Promise<EChartsModule> | null = null;
/** ECharts, loaded once on first use. */
export const loadECharts = () => (loading ??= import('./echarts-setup.ts'));

export interface ChartProps {
  readonly option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the chart is an image to them; the page's table has the data). */
  readonly label: string;
  readonly height?: number;
  /** Replace the whole option (default) or merge into the last one (faster when only data changes). */
  readonly merge?: boolean;
  readonly testId?: string;
  /** Called after each redraw has been painted, with the chart (timings, clicks). */
  readonly onRendered?: (chart: EChartsType) => void;
  readonly onReady?: (chart: EChartsType) => void;
}

/** One ECharts chart: loads the library on demand, resizes with its box, redraws when `option` changes. */
export function Chart({ option, label, height = 360, merge = false, testId, onRendered, onReady }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const { t } = useTranslation();
  const rendered = useRef(onRendered);
  rendered.current = onRendered;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadECharts().then(({ echarts }) => {
      if (disposed || !box.current) return;
      const instance = echarts.init(box.current, null, { renderer: 'canvas' });
      chart.current = instance;
      instance.on('finished', () => rendered.current?.(instance));
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(box.current);
      setReady(true);
      onReady?.(instance);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption({ aria: { enabled: true, label: { description: label } }, ...option }, { notMerge: !merge, lazyUpdate: false });
  }, [ready, option, merge, label]);

  return (
    <div className="chart" role="img" aria-label={label} data-testid={testId} style={{ height }}>
      <div ref={box} className="chart-canvas" style={{ height }} />
      {!ready && <p className="chart-loading">{t('state.loading')}</p>}
    </div>
  );
}
