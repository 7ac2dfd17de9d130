import type { ChartWeek } from "./minutes-chart";

/**
 * Draws the minutes chart on a canvas: one column per week, minutes required as a dashed grey line,
 * minutes given as a blue line with points over a light fill, and diagonal hatching over a week with
 * no record (grey) or still in progress (blue, dashed), so "not recorded" never reads as "0 given".
 * A week with no number draws no point and breaks its line. About 1 KB compressed, where a charting
 * library was 21 KB: it loads in its own chunk after the page's text.
 */

const INK = "#1f2933";
const GRID = "#d5dbe1";
const REQUIRED = "#4a5561";
const GIVEN = "#1a4fb4";
const HEIGHT = 220;
const FONT = "12px system-ui, sans-serif";

/** Round steps for the minutes axis (1, 2 or 5 times a power of ten), about five lines high. */
function niceStep(max: number) {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const unit = rough / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function drawMinutes(canvas: HTMLCanvasElement, weeks: ChartWeek[], width: number) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${HEIGHT}px`;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  ctx.font = FONT;

  const values = weeks.flatMap((w) => [w.required ?? 0, w.delivered ?? 0]);
  const step = niceStep(Math.max(10, Math.max(0, ...values) * 1.15));
  const top = Math.max(10, Math.max(0, ...values) * 1.15);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);

  const left = Math.ceil(Math.max(...ticks.map((v) => ctx.measureText(String(v)).width))) + 14;
  const plot = { left, top: 10, width: width - left - 10, height: HEIGHT - 10 - 30 };
  const count = Math.max(1, weeks.length);
  const column = plot.width / count;
  const x = (i: number) => plot.left + column * (i + 0.5);
  const y = (v: number) => plot.top + plot.height - (v / top) * plot.height;

  // Minutes lines and their labels.
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.lineWidth = 1;
  for (const v of ticks) {
    ctx.strokeStyle = GRID;
    ctx.beginPath();
    ctx.moveTo(plot.left, Math.round(y(v)) + 0.5);
    ctx.lineTo(plot.left + plot.width, Math.round(y(v)) + 0.5);
    ctx.stroke();
    ctx.fillStyle = INK;
    ctx.fillText(String(v), plot.left - 6, y(v));
  }

  // Week labels: every first, second, fourth or eighth, whichever leaves room between them.
  const widest = Math.max(0, ...weeks.map((w) => ctx.measureText(w.label).width)) + 8;
  const every = [1, 2, 4, 8].find((n) => column * n >= widest) ?? 8;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  weeks.forEach((week, i) => {
    if (i % every === 0) ctx.fillText(week.label, x(i), plot.top + plot.height + 8);
  });
  ctx.strokeStyle = INK;
  ctx.beginPath();
  ctx.moveTo(plot.left, plot.top + plot.height + 0.5);
  ctx.lineTo(plot.left + plot.width, plot.top + plot.height + 0.5);
  ctx.stroke();

  // Hatching over weeks with no record or still in progress.
  weeks.forEach((week, i) => {
    if (!week.notRecorded && !week.inProgress) return;
    const from = x(i) - column / 2;
    ctx.save();
    ctx.beginPath();
    ctx.rect(from, plot.top, column, plot.height);
    ctx.clip();
    ctx.strokeStyle = week.inProgress ? "rgba(26,79,180,0.35)" : "rgba(74,85,97,0.45)";
    ctx.setLineDash(week.inProgress ? [3, 5] : []);
    ctx.beginPath();
    for (let d = -plot.height; d < column + plot.height; d += 8) {
      ctx.moveTo(from + d, plot.top + plot.height);
      ctx.lineTo(from + d + plot.height, plot.top);
    }
    ctx.stroke();
    ctx.restore();
  });

  /** The runs of weeks with a number, each drawn as one line (a week without one breaks it). */
  const runs = (value: (w: ChartWeek) => number | null) => {
    const all: Array<Array<[number, number]>> = [[]];
    weeks.forEach((week, i) => {
      const v = value(week);
      if (v === null) all.push([]);
      else all.at(-1)!.push([x(i), y(v)]);
    });
    return all.filter((run) => run.length);
  };
  const line = (run: Array<[number, number]>) => {
    ctx.beginPath();
    for (const [i, [px, py]] of run.entries()) {
      if (i) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
    }
  };

  ctx.lineJoin = "round";
  ctx.strokeStyle = REQUIRED;
  ctx.lineWidth = 2;
  ctx.setLineDash([8, 6]);
  for (const run of runs((w) => w.required)) {
    line(run);
    ctx.stroke();
  }
  ctx.setLineDash([]);

  const given = runs((w) => w.delivered);
  ctx.fillStyle = "rgba(26,79,180,0.12)";
  for (const run of given) {
    line(run);
    ctx.lineTo(run.at(-1)![0], y(0));
    ctx.lineTo(run[0]![0], y(0));
    ctx.closePath();
    ctx.fill();
  }
  ctx.strokeStyle = GIVEN;
  ctx.fillStyle = GIVEN;
  ctx.lineWidth = 3;
  for (const run of given) {
    line(run);
    ctx.stroke();
    for (const [px, py] of run) {
      ctx.beginPath();
      ctx.arc(px, py, 3.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}
