/**
 * Messages between run-fit.ts and fit-worker.ts, and the fit call both sides share. Kept apart
 * from run-fit.ts so the worker bundle does not import the module that starts workers.
 */
import { fail, type Result } from '../../lib/result.ts';
import { fitModels, type FitInput, type FitResult } from './fit.ts';

export type FitRequest = { type: 'fit'; input: FitInput };
export type FitResponse = { type: 'fitted'; result: Result<FitResult> };

/** fitModels, with anything it throws (a bug, not bad data) turned into a value. */
export function fitSafely(input: FitInput): Result<FitResult> {
	try {
		return fitModels(input);
	} catch (e) {
		return fail('predict.fit-failed', e instanceof Error ? e.message : String(e));
	}
}
