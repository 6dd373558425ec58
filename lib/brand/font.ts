// Inter, self-hosted through next/font/local: the file ships in the repository (app/fonts, SIL
// Open Font License), so a build downloads nothing, and next/font preloads it and sizes a
// metric-matched fallback so text does not jump when it arrives. Latin only; other scripts fall
// back to the system font.
import localFont from "next/font/local";

export const bodyFont = localFont({
  src: "../../app/fonts/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});
