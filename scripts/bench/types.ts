/** One SQL statement and how long the engine took for it. */
export interface TimedStatement {
	sql: string;
	ms: number;
	error?: string;
}
