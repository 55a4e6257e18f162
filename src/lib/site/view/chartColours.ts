// The series colours of every chart (Chart.js on the page, the SVG downloads, the compare page's
// trend): one place, and a module small enough for any page's script to import.
export const CHART_COLOURS = ['#1f4e79', '#8a1c1c', '#6f6f6f', '#b8860b'];
