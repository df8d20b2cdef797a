import { stripTrailingSemicolon } from '../lib/sql.ts';

/**
 * A drill-down's customers with whatever contact columns the file had, ready for SMS and e-mail
 * tools. `inner` is an analysis's `customersSql` (it returns customer_id first).
 */
export function customerListSql(inner: string): string {
	return `SELECT s.*, c.name, c.phone, c.email
FROM (${stripTrailingSemicolon(inner)}) s
LEFT JOIN customers c USING (customer_id)
ORDER BY ALL`;
}
