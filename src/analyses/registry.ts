/**
 * Every analysis the notebook offers, in menu order. Adding one = its folder plus one line here.
 */
import type { Analysis } from './types.ts';
import type { Msg } from '../lib/msg.ts';
import { overview } from './overview/index.ts';
import { rfm } from './rfm/index.ts';
import { cohorts } from './cohorts/index.ts';
import { repurchase } from './repurchase/index.ts';
import { tiers } from './tiers/index.ts';
import { lifecycle } from './lifecycle/index.ts';
import { products } from './products/index.ts';
import { timeprefs } from './timeprefs/index.ts';
import { whatif } from './whatif/index.ts';
import { campaigns } from './campaigns/index.ts';
import { predict } from './predict/index.ts';

export const analyses: Analysis[] = [
	overview,
	rfm,
	cohorts,
	repurchase,
	tiers,
	lifecycle,
	products,
	timeprefs,
	whatif,
	campaigns,
	predict
];

export const getAnalysis = (id: string): Analysis | undefined => analyses.find((a) => a.id === id);

/** The definition text that holds for a cell's params. */
export const definitionOf = (a: Analysis, params: Record<string, unknown>): Msg =>
	a.definitionFor?.({ ...a.defaults, ...params }) ?? a.definition;
