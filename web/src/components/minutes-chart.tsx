import { createEffect, onCleanup } from "solid-js";
import { drawMinutes } from "./minutes-plot";
import { t } from "../i18n";
import "../strings/fidelity-view";

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

/**
 * Minutes required and given each week, drawn on a canvas (minutes-plot.ts) into a box that holds its
 * height while the page lays out. The chart is a picture for sighted readers: the same numbers are in
 * the data table the page puts beside it, which is what assistive technology reads.
 */
export function MinutesChart(props: { weeks: ChartWeek[]; describedBy: string }) {
  let box!: HTMLDivElement;
  let canvas!: HTMLCanvasElement;
  const width = () => Math.max(280, Math.min(box.clientWidth || 600, 900));
  const draw = () => drawMinutes(canvas, props.weeks, width());

  createEffect(draw);
  window.addEventListener("resize", draw);
  onCleanup(() => window.removeEventListener("resize", draw));

  return (
    <figure class="chart">
      <div ref={box} class="chart-box" role="img" aria-label={t("chartAlt")} aria-describedby={props.describedBy}>
        <canvas ref={canvas} />
      </div>
      <figcaption class="chart-key" aria-hidden="true">
        <span class="key key-required">{t("colRequired")}</span>
        <span class="key key-delivered">{t("colDelivered")}</span>
        <span class="key key-not-recorded">{t("chartNotRecorded")}</span>
        <span class="key key-in-progress">{t("inProgressCell")}</span>
      </figcaption>
    </figure>
  );
}
