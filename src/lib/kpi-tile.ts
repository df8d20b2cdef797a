/** One key figure as text, the same on screen and in the report. */
export interface KpiTile {
	key: string;
	label: string;
	value: string;
	/** The window the value covers ("Dec 2024"), on tiles that compare it with another. */
	when?: string;
	/** The change against the previous window, with its arrow or in points; absent when none. */
	change?: string;
	/** "vs Nov 2024": what the change compares with. */
	versus?: string;
	direction?: 'up' | 'down' | 'flat';
}
