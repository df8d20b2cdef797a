/** What every table export takes: columns in display order and rows keyed by column key. */
export interface ExportColumn {
	key: string;
	label: string;
}

/** Rows keyed by column key: plain objects, or an Arrow table's rows (they read by key too). */
export type ExportRows = Iterable<Record<string, unknown>>;

/** `YYYY-MM-DD`, with ` HH:MM:SS` when the time is not midnight (timestamps are store-local UTC). */
export function formatDateCell(d: Date): string {
	const iso = d.toISOString();
	const time = iso.slice(11, 19);
	return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
