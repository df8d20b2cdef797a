/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so no zone shifts a day. */

/** Days since 1970-01-01. */
export const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** The last day of data before an as-of date (orders on the as-of date itself are not seen). */
export const dayBefore = (iso: string): string => addDays(iso, -1);
