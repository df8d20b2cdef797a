import type { Cell } from '../../notebook/schema.ts';
import type { Lang } from '../../lib/msg.ts';
import { analyses } from '../../analyses/registry.ts';
import { message } from '../i18n/index.ts';

export interface ContentsEntry {
	/** The cell's element id, `cell-<id>`, as CellFrame sets it. */
	target: string;
	title: string;
}

/**
 * The notebook's table of contents: one entry per cell, named as the cell's header names it. A
 * note is listed by its first heading; a note without one is prose, not a section, and is left out.
 */
export function listContents(cells: readonly Cell[], lang: Lang): ContentsEntry[] {
	return cells.flatMap((cell) => {
		const title = titleOf(cell, lang);
		return title ? [{ target: `cell-${cell.id}`, title }] : [];
	});
}

function titleOf(cell: Cell, lang: Lang): string | null {
	if (cell.kind === 'preset')
		return analyses.find((a) => a.id === cell.analysis)?.title[lang] ?? cell.analysis;
	if (cell.kind === 'sql') return cell.name ? `SQL → ${cell.name}` : message('toc.sql', lang);
	const heading = /^#{1,3}\s+(.+)$/m.exec(cell.text);
	return heading ? heading[1].trim() : null;
}
