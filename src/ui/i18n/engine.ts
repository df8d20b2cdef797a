import type { Msg } from '../../lib/msg.ts';

/** What each engine error code means for the user, and what to do about it. */
export const messages: Record<string, Msg> = {
	'engine.sandbox': {
		en: 'This query tried to read a file or address outside the page. huitou’s engine only reads the files you load; load the file instead of referring to a path or URL.',
		zh: '该查询试图读取页面之外的文件或网址。huitou 的引擎只读取你加载的文件；请直接加载文件，不要引用路径或网址。'
	},
	'engine.extension': {
		en: 'This needs a DuckDB extension that huitou does not download (to stay offline and private). Parquet and JSON files are read by the importer instead: load them with “Add files”.',
		zh: '此功能需要 DuckDB 扩展，而 huitou 为保持离线和隐私不会下载扩展。Parquet 和 JSON 文件请通过“添加文件”导入。'
	},
	'engine.cancelled': {
		en: 'The query was stopped before it finished. If it would never end on its own (a WITH RECURSIVE without a stopping condition, a join without ON), add one or a LIMIT, then run it again.',
		zh: '查询在完成前已停止。如果它本身不会结束（WITH RECURSIVE 没有终止条件、JOIN 没有 ON 条件），请加上条件或 LIMIT 后再运行。'
	},
	'engine.memory': {
		en: 'The browser ran out of memory for this query. Narrow the date range or filters, or use the exported .sql script with the DuckDB command line for data this large.',
		zh: '浏览器内存不足。请缩小日期范围或筛选条件；数据量很大时，可导出 .sql 脚本用 DuckDB 命令行运行。'
	},
	'engine.syntax': {
		en: 'The SQL has a syntax error. Check the marked position.',
		zh: 'SQL 有语法错误，请检查标出的位置。'
	},
	'engine.catalog': {
		en: 'A table, column or function name is unknown. Loaded tables: orders, order_lines, customers, campaign_contacts, and named cell results.',
		zh: '表、列或函数名不存在。可用的表：orders、order_lines、customers、campaign_contacts，以及已命名的单元结果。'
	},
	'engine.binder': {
		en: 'DuckDB could not match a name or type in this query. Check column names and types.',
		zh: 'DuckDB 无法解析查询中的名称或类型，请检查列名和类型。'
	},
	'engine.conversion': {
		en: 'A value could not be converted to the needed type.',
		zh: '有值无法转换为所需类型。'
	},
	'engine.query': { en: 'The query failed.', zh: '查询失败。' },
	'engine.start': {
		en: 'The analysis engine could not start. Reload the page; if it keeps failing, use a current Chrome, Edge, Firefox or Safari.',
		zh: '分析引擎无法启动。请刷新页面；若仍失败，请使用最新版 Chrome、Edge、Firefox 或 Safari。'
	},
	'engine.register': {
		en: 'The file could not be handed to the engine. Try loading it again.',
		zh: '无法把文件交给引擎，请重新加载。'
	},
	'engine.restarted': {
		en: 'The engine was restarted, so this query stopped. Your files are being loaded again; run it once they are.',
		zh: '引擎已重启，此查询已停止。正在重新加载你的文件，加载完成后再运行即可。'
	},
	'engine.unresponsive': {
		en: 'The engine has not answered for {seconds} s. A very large query may still finish; if it does not, cancel it or restart the engine. Your notebook is kept and your files are loaded again.',
		zh: '引擎已有 {seconds} 秒没有响应。很大的查询可能仍会完成；如果没有，请取消查询或重启引擎。笔记本会保留，文件会重新加载。'
	},
	'engine.crashed': {
		en: 'The engine stopped unexpectedly. Restart it; your notebook is kept, and the data is re-loaded from your files.',
		zh: '引擎意外停止。请重启引擎；笔记本会保留，数据将从文件重新加载。'
	}
};
