import { marked } from 'marked';
import DOMPurify from 'dompurify';

/**
 * Markdown notes to safe HTML: marked renders, DOMPurify removes scripts, event handlers and
 * javascript: links. Notes arrive in share links, so they are hostile input.
 */
export function renderMarkdown(text: string): string {
	const html = marked.parse(text, { async: false, gfm: true, breaks: true });
	return DOMPurify.sanitize(html, {
		FORBID_TAGS: ['style', 'form', 'img'],
		USE_PROFILES: { html: true }
	});
}
