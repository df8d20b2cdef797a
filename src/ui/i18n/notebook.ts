import type { Msg } from '../../lib/msg.ts';

/**
 * Notebook documents, share links, browser storage, exports, the SQL editor and the data table.
 * Error codes come from src/notebook (schema, share, store, cells); each says what went wrong and
 * what to do.
 */
export const messages: Record<string, Msg> = {
	'notebook.invalid': {
		en: 'This is not a notebook huitou can open: it is damaged or was not made by huitou. Your saved notebooks are unchanged.',
		zh: '无法打开此笔记本：文件已损坏或不是 huitou 生成的。你已保存的笔记本没有受到影响。'
	},
	'notebook.newer-version': {
		en: 'This notebook was made by a newer version of huitou. Reload the page to update it, then open the notebook again. Your saved notebooks are unchanged.',
		zh: '此笔记本由更新版本的 huitou 生成。请刷新页面以更新，然后重新打开。你已保存的笔记本没有受到影响。'
	},
	'notebook.name-pattern': {
		en: 'A result name uses lower-case letters, digits and _ and starts with a letter or _, e.g. rfm_segments.',
		zh: '结果名只能包含小写字母、数字和下划线，并以字母或下划线开头，例如 rfm_segments。'
	},
	'notebook.name-reserved': {
		en: 'This name belongs to a built-in table (orders, order_lines, customers, campaign_contacts). Choose another.',
		zh: '该名称属于内置表（orders、order_lines、customers、campaign_contacts），请换一个。'
	},
	'notebook.name-taken': {
		en: 'Another cell already uses this result name. Choose another.',
		zh: '另一个单元已使用此结果名，请换一个。'
	},
	'notebook.full': {
		en: 'A notebook holds at most 200 cells. Remove some, or start a new notebook.',
		zh: '一个笔记本最多 200 个单元。请删除一些，或新建笔记本。'
	},

	'notebook.untitled': { en: 'Untitled notebook', zh: '未命名笔记本' },
	'notebook.copy-title': { en: '{title} (copy)', zh: '{title}（副本）' },
	'notebook.empty': {
		en: 'This notebook is empty. Add an analysis, a query or a note with the button below.',
		zh: '笔记本还是空的。用下方按钮添加分析、查询或笔记。'
	},
	'notebook.note-placeholder': { en: 'Write a note…', zh: '在这里写笔记……' },
	'notebook.trust-sql': {
		en: 'This notebook came from a link or file and contains SQL cells. Read the SQL below before you run it.',
		zh: '这个笔记本来自链接或文件，包含 SQL 单元。请先阅读下方 SQL，确认无误后再运行。'
	},
	'notebook.from-link': {
		en: 'You are viewing a shared notebook; it is not saved until you keep it.',
		zh: '你正在查看分享链接中的笔记本，它不会自动保存。'
	},
	'notebook.keep-from-link': { en: 'Keep in my notebooks', zh: '保存到我的笔记本' },
	'toc.label': { en: 'Contents of this notebook', zh: '本笔记本目录' },
	'toc.sql': { en: 'SQL query', zh: 'SQL 查询' },
	'toc.all-analyses': { en: 'All analyses', zh: '全部分析' },

	'notebooks.title': { en: 'Notebooks', zh: '笔记本' },
	'notebooks.rename': { en: 'Rename', zh: '重命名' },
	'notebooks.delete': { en: 'Delete', zh: '删除' },
	'notebooks.delete-confirm': { en: 'Delete “{title}”?', zh: '删除“{title}”？' },
	'notebooks.new': { en: 'New notebook', zh: '新建笔记本' },
	'notebooks.builtin': { en: 'Built-in', zh: '内置' },
	'notebooks.share-export': { en: 'Share & export', zh: '分享与导出' },
	'notebooks.export-json': { en: 'Export .json', zh: '导出 .json' },
	'notebooks.import-json': { en: 'Import .json', zh: '导入 .json' },
	'notebooks.export-sql': { en: 'Export .sql', zh: '导出 .sql' },
	'notebooks.export-html': { en: 'HTML report', zh: '导出 HTML 报告' },
	/** A note's heading in the HTML report. */
	'report.note': { en: 'Note', zh: '笔记' },
	'notebooks.print': { en: 'Print', zh: '打印' },
	'notebooks.link-copied': {
		en: 'Link copied. It carries the notebook (cells, parameters, filters), never data.',
		zh: '链接已复制。链接只包含笔记本（单元、参数、筛选），不含数据。'
	},
	'notebooks.copy-yourself': {
		en: 'Could not reach the clipboard; copy it yourself:',
		zh: '无法访问剪贴板，请手动复制：'
	},

	'share.empty': {
		en: 'The link holds no notebook. Ask for the full link again.',
		zh: '链接中没有笔记本。请重新获取完整链接。'
	},
	'share.unknown-format': {
		en: 'This link is not a huitou notebook link. Check that it was copied whole.',
		zh: '这不是 huitou 笔记本链接。请检查是否完整复制。'
	},
	'share.newer-version': {
		en: 'This link was made by a newer version of huitou. Reload the page to update it, then open the link again.',
		zh: '此链接由更新版本的 huitou 生成。请刷新页面以更新，然后重新打开链接。'
	},
	'share.truncated': {
		en: 'The link is cut short (chat apps and e-mail sometimes shorten long links). Ask for it again, or share the notebook as a .json file instead.',
		zh: '链接不完整（聊天软件或邮件有时会截断长链接）。请重新获取，或改用 .json 文件分享笔记本。'
	},
	'share.corrupted': {
		en: 'The link is damaged and cannot be read. Ask for it again, or share the notebook as a .json file instead.',
		zh: '链接已损坏，无法读取。请重新获取，或改用 .json 文件分享笔记本。'
	},
	'share.too-large': {
		en: 'This notebook is too large for a link. Export it as a .json file and share the file instead.',
		zh: '笔记本太大，无法放入链接。请导出为 .json 文件后分享。'
	},
	'share.sql-warning': {
		en: 'This shared notebook contains SQL written by someone else. Read it below before running: it only reads the data you load and cannot send anything out of this page, but it can show or change what you see.',
		zh: '此共享笔记本包含他人编写的 SQL。运行前请先阅读：它只能读取你加载的数据，无法把任何内容发送到页面之外，但可能改变显示的内容。'
	},
	'share.run-sql': { en: 'Run the SQL cells', zh: '运行 SQL 单元' },
	'share.skip-sql': { en: 'Open without running SQL', zh: '打开但不运行 SQL' },
	'share.needs-data': {
		en: 'Drop the data file this notebook was made with; every cell then runs on it. The link carried no data.',
		zh: '请拖入制作此笔记本时使用的数据文件，所有单元将随之运行。链接中不包含任何数据。'
	},
	'share.copied': { en: 'Link copied', zh: '链接已复制' },

	'storage.quota': {
		en: 'The browser’s storage is full, so the latest changes are not saved. Delete old notebooks or the kept data (“Forget data”), or export this notebook as a .json file.',
		zh: '浏览器存储空间已满，最近的修改未保存。请删除旧笔记本或已保存的数据（“清除数据”），或把笔记本导出为 .json 文件。'
	},
	'storage.unavailable': {
		en: 'This browser does not allow saving here (private window or blocked storage). Notebooks will be lost on reload: export them as .json files.',
		zh: '此浏览器不允许在本页保存（隐私窗口或存储被禁用）。刷新后笔记本会丢失，请导出为 .json 文件。'
	},
	'storage.failed': {
		en: 'Saving in the browser failed. Try again; if it keeps failing, export the notebook as a .json file.',
		zh: '浏览器保存失败。请重试；如仍失败，请把笔记本导出为 .json 文件。'
	},
	'storage.not-found': {
		en: 'This notebook is no longer in the browser’s storage. It may have been deleted in another tab.',
		zh: '浏览器存储中已找不到此笔记本，可能已在其他标签页中删除。'
	},
	'storage.keep-data': { en: 'Keep my data in this browser', zh: '在此浏览器中保留我的数据' },
	'storage.keep-data-hint': {
		en: 'Stores the imported files in this browser only, so a reload does not need them again. Nothing is uploaded.',
		zh: '导入的文件只保存在此浏览器中，刷新后无需重新导入。不会上传任何内容。'
	},
	'storage.forget-data': { en: 'Forget data', zh: '清除数据' },
	'storage.saved': { en: 'Saved', zh: '已保存' },
	'storage.unsaved': { en: 'Not saved', zh: '未保存' },

	'table.rows': { en: '{n} rows', zh: '{n} 行' },
	'table.empty': { en: 'No rows', zh: '没有数据' },
	'table.sort-asc': { en: 'Sorted ascending', zh: '升序' },
	'table.sort-desc': { en: 'Sorted descending', zh: '降序' },
	'table.copied': { en: 'Copied {n} rows', zh: '已复制 {n} 行' },
	'table.label': {
		en: 'Result table. Arrow keys move, Shift+arrows select, Ctrl+C copies.',
		zh: '结果表。方向键移动，Shift+方向键选择，Ctrl+C 复制。'
	},

	'editor.label': {
		en: 'SQL editor. Shift+Enter runs this cell, Ctrl+Enter runs all cells.',
		zh: 'SQL 编辑器。Shift+Enter 运行此单元，Ctrl+Enter 运行全部单元。'
	},
	'editor.loading': { en: 'Loading editor…', zh: '正在加载编辑器…' },

	'export.csv': { en: 'Table as CSV', zh: '表格导出为 CSV' },
	'export.xlsx': { en: 'Table as Excel (XLSX)', zh: '表格导出为 Excel （XLSX）' },
	'export.png': { en: 'Chart as PNG', zh: '图表导出为 PNG' },
	'export.svg': { en: 'Chart as SVG', zh: '图表导出为 SVG' },
	'export.html': { en: 'Notebook as HTML report', zh: '笔记本导出为 HTML 报告' },
	'export.json': { en: 'Notebook as .json file', zh: '笔记本导出为 .json 文件' },
	'export.sql': {
		en: 'Notebook as .sql script (DuckDB CLI)',
		zh: '笔记本导出为 .sql 脚本（DuckDB 命令行）'
	},
	'export.link': { en: 'Copy share link', zh: '复制分享链接' }
};
