// Chart.js, served from this bundle (vendor/chartjs/, unpacked from its WebJar at build time, never from a network)
// and fetched only by the first screen that draws a chart: the call desk never loads it.
import {ROOT} from './ui.js';

/** Where the bundle serves Chart.js's UMD build, which defines window.Chart. */
export const CHART_JS = ROOT + '/vendor/chartjs/chart.umd.min.js';

let loading = null;
let drawn = null;

/** Chart.js (window.Chart) once its script has run; a failed load is tried again next time. */
export function loadChart() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error(CHART_JS)));
      script.onerror = () => { loading = null; script.remove(); reject(new Error(CHART_JS)); };
      document.head.append(script);
    });
  }
  return loading;
}

/**
 * Draws bars of `data` ({labels, datasets}) on the canvas, in place of the chart drawn before (its listeners go with
 * it). Without motion when the reader asked their system for less.
 */
export async function drawBars(canvas, data) {
  const Chart = await loadChart();
  if (drawn) drawn.destroy();
  // The console's own ink and accent colours (console.css), so the chart has the page's contrast.
  const colours = ['#0b4f8a', '#8a4b00', '#1d6b2f', '#a11d1d', '#4a4a4a'];
  data.datasets.forEach((d, i) => { d.backgroundColor = colours[i % colours.length]; });
  // Counts get whole steps on the axis; averages and percentages keep their decimals.
  const whole = data.datasets.every((d) => d.data.every(Number.isInteger));
  drawn = new Chart(canvas, {
    type: 'bar',
    data,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : {duration: 400},
      color: '#1a1a1a',
      scales: {x: {ticks: {color: '#1a1a1a'}}, y: {beginAtZero: true, ticks: {color: '#1a1a1a', precision: whole ? 0 : undefined}}},
      plugins: {legend: {display: data.datasets.length > 1}},
    },
  });
  return drawn;
}
