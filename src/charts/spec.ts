import type { ColumnFormat } from '../lib/column-format.ts';
import type { Msg } from '../lib/msg.ts';

/**
 * What chart a query wants; src/charts turns it into a Plot figure. Keys name result columns.
 * Analyses describe their charts with it, so it imports nothing but the vocabulary in src/lib.
 */
export type ChartSpec =
	| {
			kind: 'kpis';
			items: {
				key: string;
				label: Msg;
				format: ColumnFormat;
				change?: string;
				/** How `change` reads: a relative change (default) or a difference in percentage points. */
				changeIn?: 'relative' | 'points';
			}[];
			/** Columns holding the compared windows' first and last days, named on the tiles. */
			period?: { start: string; end: string; previousStart: string; previousEnd: string };
	  }
	| {
			kind: 'bar' | 'line' | 'area' | 'dot';
			x: string;
			y: string;
			series?: string;
			xLabel: Msg;
			yLabel: Msg;
			yFormat?: ColumnFormat;
			/** Format of x values (ticks and tooltips), e.g. 'percent' for a Pareto curve. */
			xFormat?: ColumnFormat;
			/** Horizontal bars: x is the value, y the category. */
			horizontal?: boolean;
			stacked?: boolean;
	  }
	| {
			kind: 'heatmap';
			x: string;
			y: string;
			fill: string;
			xLabel: Msg;
			yLabel: Msg;
			fillLabel: Msg;
			fillFormat?: ColumnFormat;
			/** Show the value inside each cell. */
			text?: boolean;
			/**
			 * A column with each row's size (a cohort's customers), shown as a first, uncoloured
			 * column headed `sizeLabel`: the base every coloured share of that row is taken of.
			 */
			size?: string;
			sizeLabel?: Msg;
	  }
	| {
			kind: 'histogram';
			x: string;
			y: string;
			xLabel: Msg;
			yLabel: Msg;
			marker?: string;
			/** Format of x values (ticks, tooltips, the axis title's currency), e.g. 'money' for CLV. */
			xFormat?: ColumnFormat;
			/** x holds raw values to bin (y is then unused), instead of SQL-made bins. */
			raw?: boolean;
	  }
	| {
			kind: 'quadrant';
			x: string;
			y: string;
			size?: string;
			label: string;
			color?: string;
			xLabel: Msg;
			yLabel: Msg;
			xSplit?: number;
			ySplit?: number;
			/** Result columns holding the split lines when SQL computes them (e.g. medians). */
			xSplitColumn?: string;
			ySplitColumn?: string;
	  }
	| {
			kind: 'errorbars';
			x: string;
			y: string;
			low: string;
			high: string;
			xLabel: Msg;
			yLabel: Msg;
	  };
