/**
 * Markdown notes to safe HTML: marked renders, DOMPurify removes scripts, event handlers and
 * javascript: links; images are removed too, so a note cannot make a request. Notes arrive in
 * share links, so they are hostile input. Both libraries load with the first note.
 */
export async function renderMarkdown(text: string): Promise<string> {
	const [{ marked }, { default: DOMPurify }] = await Promise.all([
		import('marked'),
		import('dompurify')
	]);
	const html = marked.parse(text, { async: false, gfm: true, breaks: true });
	return DOMPurify.sanitize(html, {
		FORBID_TAGS: ['style', 'form', 'img'],
		USE_PROFILES: { html: true }
	});
}
