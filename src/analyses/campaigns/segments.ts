/**
 * Segments a campaign can be drawn from: the RFM segments at the as-of date, with the RFM
 * module's default rules (a notebook's edited RFM rules stay in that cell).
 */
import type { Globals } from '../types.ts';
import { rfmSegmentsSql } from '../rfm/sql.ts';
import { defaults as rfmDefaults } from '../rfm/params.ts';
import { literal } from '../../lib/sql.ts';

/** segment, customers: the choices, largest first. */
export function buildSegmentChoicesSql(g: Globals): string {
	return `SELECT segment, count(*)::BIGINT AS customers
FROM (${rfmSegmentsSql(rfmDefaults, g)}) s
GROUP BY segment ORDER BY customers DESC, segment`;
}

/** The customers of one segment: the `segmentSql` of a campaign draft. */
export function buildSegmentCustomersSql(segment: string, g: Globals): string {
	return `SELECT customer_id FROM (${rfmSegmentsSql(rfmDefaults, g)}) s WHERE segment = ${literal(segment)}`;
}
