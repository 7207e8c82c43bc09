import { createCanvas } from "@napi-rs/canvas";

/** The poster's size in pixels: regions in the tests are in these units. */
export const POSTER_SIZE = { width: 1200, height: 800 };
/** Where the poster's caption (with its wrong date) stands. */
export const POSTER_CAPTION = { type: "rect" as const, x: 100, y: 620, w: 600, h: 110 };

/**
 * A made-up propaganda poster as a PNG (1200 × 800): a headline, a figure
 * drawn as a polygon, and a caption whose date is wrong (the storming of the
 * Winter Palace was in 1917). Drawn at test time, so nothing is downloaded.
 */
export async function makePosterPng(): Promise<Uint8Array> {
  const canvas = createCanvas(POSTER_SIZE.width, POSTER_SIZE.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#f3e6c8";
  ctx.fillRect(0, 0, 1200, 800);
  ctx.fillStyle = "#a4161a";
  ctx.fillRect(0, 0, 1200, 160);
  ctx.fillStyle = "#ffffff";
  ctx.font = "bold 64px sans-serif";
  ctx.fillText("ALL POWER TO THE SOVIETS", 60, 100);
  ctx.fillStyle = "#1d1f23";
  ctx.beginPath();
  ctx.moveTo(760, 200);
  ctx.lineTo(980, 230);
  ctx.lineTo(940, 600);
  ctx.lineTo(740, 580);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = "#1d1f23";
  ctx.lineWidth = 4;
  ctx.strokeRect(POSTER_CAPTION.x, POSTER_CAPTION.y, POSTER_CAPTION.w, POSTER_CAPTION.h);
  ctx.font = "48px serif";
  ctx.fillText("The Winter Palace, 1918", 130, 690);
  return new Uint8Array(await canvas.encode("png"));
}
