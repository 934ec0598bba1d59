import { type PlotOptions, plot } from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { type SafeHtml, trustedMarkup } from './html.ts';

// Observable Plot renders into a jsdom document (its `document` option), so every chart of the
// report is static SVG made on the server: no script, no font or style fetched when the page
// opens. jsdom sets text and attributes through the DOM and escapes them when serialising,
// so a hostile title in a mark's <title> stays text.

export interface PlotCanvas {
  /** Renders one chart; `chart` names it for tests and styles (data-chart). */
  svg(chart: string, options: PlotOptions): SafeHtml;
}

/** One jsdom document for all the charts of one report. */
export function createPlotCanvas(): PlotCanvas {
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  return {
    svg(chart, options) {
      const node = plot({ ...options, document });
      node.setAttribute('data-chart', chart);
      return trustedMarkup(node.outerHTML);
    },
  };
}

/** Shortens a label for an axis, at a word where one is near. */
export function shortLabel(s: string, max = 28): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Categorical colours (Observable 10) for perpetrators; grey is kept for "not stated". */
export const CATEGORY_COLOURS = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
] as const;
export const NOT_STATED_COLOUR = '#9498a0';
