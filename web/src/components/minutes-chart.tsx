import { createEffect, onCleanup } from "solid-js";
import { t } from "../i18n";
import "../strings/fidelity";

export interface ChartWeek {
  label: string;
  /** null: a week still to come. */
  required: number | null;
  /** null: nothing recorded, so no point is drawn (never a 0). */
  delivered: number | null;
  /** An ended week with no form: hatched. */
  notRecorded: boolean;
  inProgress: boolean;
}

/** Diagonal lines over a week with no record, so "not recorded" never reads as "0 given". */
function hatch(
  u: { ctx: CanvasRenderingContext2D; bbox: { top: number; height: number }; valToPos(v: number, scale: string, canvas?: boolean): number },
  weeks: ChartWeek[],
) {
  const { ctx } = u;
  const step = weeks.length > 1 ? Math.abs(u.valToPos(1, "x", true) - u.valToPos(0, "x", true)) : 40;
  ctx.save();
  weeks.forEach((week, i) => {
    if (!week.notRecorded && !week.inProgress) return;
    const x = u.valToPos(i, "x", true) - step / 2;
    ctx.beginPath();
    ctx.rect(x, u.bbox.top, step, u.bbox.height);
    ctx.clip();
    ctx.strokeStyle = week.inProgress ? "rgba(26,79,180,0.35)" : "rgba(74,85,97,0.45)";
    ctx.lineWidth = 1;
    if (week.inProgress) ctx.setLineDash([3, 5]);
    for (let d = -u.bbox.height; d < step + u.bbox.height; d += 8) {
      ctx.moveTo(x + d, u.bbox.top + u.bbox.height);
      ctx.lineTo(x + d + u.bbox.height, u.bbox.top);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.restore();
    ctx.save();
  });
  ctx.restore();
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
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(10, (max ?? 0) * 1.15)] } },
        hooks: { drawAxes: [(u) => hatch(u as unknown as Parameters<typeof hatch>[0], weeks)] },
        axes: [
          { values: (_u, splits) => splits.map((i) => labels[i] ?? ""), stroke: "#1f2933", grid: { show: false }, incrs: [1, 2, 4, 8] },
          { stroke: "#1f2933", grid: { stroke: "#d5dbe1" } },
        ],
        series: [
          {},
          { label: t("colRequired"), stroke: "#4a5561", width: 2, dash: [8, 6], points: { show: false } },
          { label: t("colDelivered"), stroke: "#1a4fb4", fill: "rgba(26,79,180,0.12)", width: 3, points: { show: true, size: 7 }, spanGaps: false },
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
        <span class="key key-not-recorded">{t("chartNotRecorded")}</span>
        <span class="key key-in-progress">{t("inProgressCell")}</span>
      </figcaption>
    </figure>
  );
}
