/**
 * CodeMirror 6 for SQL cells. Imported lazily by SqlEditor.svelte, so CodeMirror (~150 kB gz)
 * stays out of the initial bundle. DuckDB has no CodeMirror dialect; PostgreSQL is the closest
 * in syntax (DuckDB follows its grammar), so its keywords and quoting drive highlighting.
 */
import { EditorView, basicSetup } from 'codemirror';
import { Compartment, EditorState, Prec, Annotation } from '@codemirror/state';
import { keymap, placeholder as placeholderExt } from '@codemirror/view';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { setDiagnostics } from '@codemirror/lint';
import { tags as t } from '@lezer/highlight';
import { locateSqlError } from './sql-error.ts';

export interface SqlEditorOptions {
	doc: string;
	/** Tables and their columns, offered by autocompletion. */
	schema: Record<string, string[]>;
	readonly: boolean;
	label: string;
	placeholder: string;
	onchange: (value: string) => void;
	onrun: () => void;
	onrunall: () => void;
	/** The editor got the focus (the page then reads the schema for completion). */
	onfocus?: () => void;
}

export interface SqlEditorHandle {
	setValue(value: string): void;
	setSchema(schema: Record<string, string[]>): void;
	setReadonly(readonly: boolean): void;
	/** Underlines where DuckDB's message points (null clears it). */
	setError(message: string | null): void;
	focus(): void;
	destroy(): void;
}

/** Marks changes made by `setValue`, so they are not echoed back through `onchange`. */
const external = Annotation.define<boolean>();

/** Colours from the page's CSS variables, so light and dark themes follow the app's. */
const highlight = HighlightStyle.define([
	{ tag: [t.keyword, t.operatorKeyword, t.modifier], color: 'var(--accent)', fontWeight: '600' },
	{ tag: [t.string, t.special(t.string)], color: 'var(--good)' },
	{ tag: [t.number, t.bool, t.null], color: 'var(--warn)' },
	{ tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
	{ tag: [t.typeName, t.standard(t.name)], color: 'var(--accent-2)' },
	{ tag: t.invalid, color: 'var(--bad)' }
]);

const theme = EditorView.theme({
	'&': {
		backgroundColor: 'var(--panel)',
		color: 'var(--fg)',
		border: '1px solid var(--border)',
		borderRadius: '6px',
		fontSize: '13px'
	},
	'&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-1px' },
	'.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--fg)' },
	'.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
	'.cm-gutters': {
		backgroundColor: 'var(--panel-2)',
		color: 'var(--muted)',
		borderRight: '1px solid var(--border)'
	},
	'.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
	'.cm-cursor': { borderLeftColor: 'var(--fg)' },
	'&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
		backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent)'
	},
	'.cm-tooltip': {
		backgroundColor: 'var(--panel)',
		color: 'var(--fg)',
		border: '1px solid var(--border)'
	},
	'.cm-tooltip-autocomplete > ul > li[aria-selected]': {
		backgroundColor: 'var(--accent-soft)',
		color: 'var(--fg)'
	}
});

const language = (schema: Record<string, string[]>) =>
	sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true });

const editable = (readonly: boolean) => [
	EditorState.readOnly.of(readonly),
	EditorView.editable.of(!readonly)
];

export function createSqlEditor(parent: HTMLElement, opts: SqlEditorOptions): SqlEditorHandle {
	const lang = new Compartment();
	const access = new Compartment();
	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: opts.doc,
			extensions: [
				// Ahead of basicSetup's keymap, where Mod-Enter would insert a blank line.
				Prec.highest(
					keymap.of([
						{ key: 'Shift-Enter', run: () => (opts.onrun(), true) },
						{ key: 'Mod-Enter', run: () => (opts.onrunall(), true) }
					])
				),
				basicSetup,
				lang.of(language(opts.schema)),
				access.of(editable(opts.readonly)),
				syntaxHighlighting(highlight),
				theme,
				placeholderExt(opts.placeholder),
				EditorView.lineWrapping,
				EditorView.contentAttributes.of({ 'aria-label': opts.label }),
				EditorView.domEventHandlers({ focus: () => void opts.onfocus?.() }),
				EditorView.updateListener.of((u) => {
					if (u.docChanged && !u.transactions.some((tr) => tr.annotation(external)))
						opts.onchange(u.state.doc.toString());
				})
			]
		})
	});
	return {
		setValue(value) {
			const current = view.state.doc.toString();
			if (value === current) return;
			view.dispatch({
				changes: { from: 0, to: current.length, insert: value },
				annotations: external.of(true)
			});
		},
		setSchema(schema) {
			view.dispatch({ effects: lang.reconfigure(language(schema)) });
		},
		setReadonly(readonly) {
			view.dispatch({ effects: access.reconfigure(editable(readonly)) });
		},
		setError(message) {
			const span = message ? locateSqlError(view.state.doc.toString(), message) : null;
			const diagnostics =
				message && span
					? [{ ...span, severity: 'error' as const, message: message.split('\n')[0] }]
					: [];
			view.dispatch(setDiagnostics(view.state, diagnostics));
		},
		focus: () => view.focus(),
		destroy: () => view.destroy()
	};
}
