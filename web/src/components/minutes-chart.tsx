import { createEffect, onCleanup } from "solid-js";
import { t } from "../i18n";

export interface ChartWeek {
  label: string;
  required: number;
  delivered: number;
}

/**
 * Minutes required and given each week, drawn by uPlot, which loads (script and styles) only when a
 * chart is first shown. The chart is a picture for sighted readers: the same numbers are in the data
 * table the page puts beside it, which is what assistive technology reads.
 */
export function MinutesChart(props: { weeks: ChartWeek[]; describedBy: string }) {
  let box!: HTMLDivElement;
  let chart: { destroy(): void; setSize(size: { width: number; height: number }): void } | undefined;
  let disposed = false;

  const width = () => Math.max(280, Math.min(box.clientWidth || 600, 900));

  createEffect(async () => {
    const weeks = props.weeks;
    const [{ default: UPlot }] = await Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]);
    if (disposed) return;
    chart?.destroy();
    const labels = weeks.map((w) => w.label);
    chart = new UPlot(
      {
        width: width(),
        height: 220,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.15)] } },
        axes: [
          { values: (_u, splits) => splits.map((i) => labels[i] ?? ""), stroke: "#1f2933", grid: { show: false }, incrs: [1, 2, 4, 8] },
          { stroke: "#1f2933", grid: { stroke: "#d5dbe1" } },
        ],
        series: [
          {},
          { label: t("colRequired"), stroke: "#4a5561", width: 2, dash: [8, 6], points: { show: false } },
          { label: t("colDelivered"), stroke: "#1a4fb4", fill: "rgba(26,79,180,0.12)", width: 3, points: { show: true, size: 7 } },
        ],
      },
      [weeks.map((_, i) => i), weeks.map((w) => w.required), weeks.map((w) => w.delivered)],
      box,
    );
  });

  const resize = () => chart?.setSize({ width: width(), height: 220 });
  window.addEventListener("resize", resize);
  onCleanup(() => {
    disposed = true;
    window.removeEventListener("resize", resize);
    chart?.destroy();
  });

  return (
    <figure class="chart">
      <div ref={box} class="chart-box" role="img" aria-label={t("chartAlt")} aria-describedby={props.describedBy} />
      <figcaption class="chart-key" aria-hidden="true">
        <span class="key key-required">{t("colRequired")}</span>
        <span class="key key-delivered">{t("colDelivered")}</span>
      </figcaption>
    </figure>
  );
}
