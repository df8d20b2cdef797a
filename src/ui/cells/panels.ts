/**
 * The views an analysis names in its `panels` (src/analyses/types.ts), by kind. A new analysis
 * with a view of its own adds its component here under the kind it names; the cell looks kinds up
 * and never asks which analysis it shows.
 */
import type { Component } from 'svelte';
import type { Result } from '../../lib/result.ts';
import type { QueryOutcome } from '../../notebook/run-cell.ts';
import PredictFit from './panels/PredictFit.svelte';
import CampaignVerdicts from './panels/CampaignVerdicts.svelte';
import CampaignBuilderPanel from './CampaignBuilderPanel.svelte';

/** What every panel is given: the cell's parameters and the state of its run. */
export interface PanelProps {
	params: Record<string, unknown>;
	prepared: Result<unknown> | null;
	outcomes: QueryOutcome[];
	busy: boolean;
	/** Runs the cell again (Predict's "fit again"). */
	onrun: () => void;
}

type Panel = Component<PanelProps>;

/** Shown above the results with what `prepare` produced. */
export const PREPARED_PANELS: Record<string, Panel> = {
	'predict-fit': PredictFit
};

/** Leading the results. */
export const HEADLINE_PANELS: Record<string, Panel> = {
	'campaign-verdicts': CampaignVerdicts
};

/** Opened from the cell's header by a button: its catalog label and test id. */
export const TOOL_PANELS: Record<string, { label: string; testId: string; component: Panel }> = {
	'campaign-builder': {
		label: 'campaign.build',
		testId: 'open-campaign-builder',
		component: CampaignBuilderPanel
	}
};
