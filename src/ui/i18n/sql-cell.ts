import type { Msg } from '../../lib/msg.ts';

/** What a SQL cell says when it refuses, stops or cuts a result. */
export const messages: Record<string, Msg> = {
	'sql.chart.bar': { en: 'Bar', zh: '柱状图' },
	'sql.chart.line': { en: 'Line', zh: '折线图' },
	'sql.chart.area': { en: 'Area', zh: '面积图' },
	'sql.chart.dot': { en: 'Dots', zh: '散点图' },
	'sql.chart.heatmap': { en: 'Heatmap', zh: '热力图' },
	'sql.chart.histogram': { en: 'Histogram', zh: '直方图' },
	'sql.read-only': {
		en: 'This cell only reads data, and this statement would change tables, files or settings, so nothing ran. To build tables of your own, tick “May change data” on this cell and press Run: it then writes to the scratch database, never to orders, order lines, customers, campaign contacts or your files.',
		zh: '此单元只读取数据，而这条语句会修改表、文件或设置，因此没有运行任何语句。如需建立自己的表，请勾选本单元的“可修改数据”并点击运行：它只写入 scratch 数据库，不会改动订单、订单明细、客户、活动名单或你的文件。'
	},
	'sql.never': {
		en: 'A cell may not run this statement, even when it may change data: it would touch the engine’s settings, databases or files, which keep your data safe. Work with tables instead (CREATE TABLE, INSERT, UPDATE, DELETE in scratch); export results with the cell’s download buttons.',
		zh: '即使允许修改数据，单元也不能运行这条语句：它会改动引擎的设置、数据库或文件，而这些保护着你的数据。请改用表操作（在 scratch 中 CREATE TABLE、INSERT、UPDATE、DELETE）；结果可用单元的下载按钮导出。'
	},
	'sql.temp': {
		en: 'This statement names a temporary object, which the analyses use for their own results. A cell that may change data writes only to the scratch database: drop TEMP and pick another name.',
		zh: '这条语句用到了临时对象，分析功能用它们保存自己的结果。允许修改数据的单元只能写入 scratch 数据库：请去掉 TEMP 并换一个名称。'
	},
	'sql.protected': {
		en: 'Nothing changed: orders, order lines, customers, campaign contacts and the analyses’ tables cannot be changed from a cell. Copy what you need into a table of your own (CREATE TABLE mine AS SELECT … FROM orders) and change that.',
		zh: '没有任何改动：订单、订单明细、客户、活动名单及分析用的表不能在单元中修改。请把需要的数据复制到自己的表（CREATE TABLE mine AS SELECT … FROM orders）再修改。'
	},
	'sql.crashed': {
		en: 'The page closed or crashed while this cell was running, so it was not run again when the notebook opened. Check the SQL (a very large result or an endless query can exhaust the browser), then press Run.',
		zh: '此单元运行时页面关闭或崩溃了，因此打开笔记本时没有再次运行它。请检查 SQL（结果过大或查询不会结束都可能耗尽浏览器资源），然后点击运行。'
	},
	'sql.empty': { en: 'The cell holds no statement to run.', zh: '单元中没有可运行的语句。' },
	'sql.truncated': {
		en: 'Showing the first {rows} rows; text longer than {chars} characters is cut (…). Add a LIMIT or an aggregate to see what matters.',
		zh: '只显示前 {rows} 行；超过 {chars} 个字符的文本已截断（…）。可用 LIMIT 或聚合查看关键结果。'
	},
	'sql.stale': {
		en: 'Edited since it ran: the result below is for the earlier text. Press Run (Shift+Enter).',
		zh: '运行后已修改：下方结果对应修改前的 SQL。请点击运行（Shift+Enter）。'
	},
	'sql.may-write': { en: 'May change data', zh: '可修改数据' },
	'sql.may-write-hint': {
		en: 'Lets this cell create and change tables of its own in the scratch database (read them as scratch.name). It runs only when you press Run; orders and your files stay protected.',
		zh: '允许本单元在 scratch 数据库中建立和修改自己的表（用 scratch.表名 读取）。它只在你点击运行时运行；订单和你的文件始终受保护。'
	},
	'sql.waits': {
		en: 'This cell may change data, so it runs only when you press Run.',
		zh: '此单元可修改数据，因此只在你点击运行时运行。'
	}
};
