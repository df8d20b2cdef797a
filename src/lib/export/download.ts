/** Saves a Blob as a file through a temporary same-origin object URL; nothing leaves the page. */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers; a minute is ample.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name safe on every OS, from a title the user typed. */
export function safeFilename(title: string, ext: string): string {
	const printable = [...title].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
	const stem =
		printable
			.replace(/[\\/:*?"<>|]+/g, ' ')
			.trim()
			.slice(0, 80) || 'huitou';
	return `${stem}.${ext}`;
}
