import type { Msg } from '../../lib/msg.ts';

/** What each file-reading code means for the user, and what to do about it. */
export const messages: Record<string, Msg> = {
	'read.empty': {
		en: 'The file is empty. Export it again from your shop’s back office and load the new file.',
		zh: '文件是空的。请从店铺后台重新导出并加载新文件。'
	},
	'read.no-rows': {
		en: 'The file has column titles but no data rows. Check the export’s date range or filters, then export again.',
		zh: '文件只有表头，没有数据行。请检查导出的日期范围或筛选条件后重新导出。'
	},
	'read.binary': {
		en: 'This is not a text, Excel, Parquet or JSON file (it holds binary data). Load the order export itself, not a renamed image, PDF or archive.',
		zh: '这不是文本、Excel、Parquet 或 JSON 文件（内容为二进制数据）。请加载订单导出文件本身，而不是改了扩展名的图片、PDF 或压缩包。'
	},
	'read.xls-legacy': {
		en: 'This is an old Excel 97–2003 (.xls) workbook, which cannot be read here. Open it in Excel or WPS and save it as .xlsx or CSV, then load that.',
		zh: '这是旧版 Excel 97–2003（.xls）工作簿，无法在此读取。请用 Excel 或 WPS 打开并另存为 .xlsx 或 CSV 后再加载。'
	},
	'read.gzip-truncated': {
		en: 'The compressed (.gz) file ends too early: it was cut off while downloading or copying. Download or copy it again.',
		zh: '压缩文件（.gz）不完整：下载或复制时被截断。请重新下载或复制。'
	},
	'read.gzip-corrupt': {
		en: 'The compressed (.gz) file is damaged and cannot be unpacked. Download it again, or load the uncompressed file.',
		zh: '压缩文件（.gz）已损坏，无法解压。请重新下载，或加载未压缩的文件。'
	},
	'read.too-large': {
		en: 'The file is too large to load in the browser. Export a shorter date range (e.g. one month per file) and load the files together.',
		zh: '文件太大，浏览器无法加载。请按较短的日期范围导出（例如每月一个文件），再一起加载。'
	},
	'read.too-many-columns': {
		en: 'The first row has far more columns than any order export. The file is probably not a table, or the delimiter is wrong: pick another delimiter or check the file.',
		zh: '第一行的列数远超任何订单导出。文件可能不是表格，或分隔符有误：请选择其他分隔符或检查文件。'
	},
	'read.header-too-long': {
		en: 'No complete first row was found in the first megabytes. The file may be damaged or use an unusual line ending; re-export it as CSV.',
		zh: '在文件开头几兆字节内找不到完整的第一行。文件可能损坏或使用了罕见的换行符，请重新导出为 CSV。'
	},
	'read.no-header': {
		en: 'No row of column titles was found: the first 30 rows hold only titles or single values. If the columns are split by another character, pick the delimiter; otherwise give the row number of the column titles, or re-export the file with them.',
		zh: '找不到列标题行：前 30 行只有标题或单个值。如果各列以其他字符分隔，请选择分隔符；否则请指定列标题所在的行号，或重新导出带列标题的文件。'
	},
	'read.bad-header-row': {
		en: 'The row given as the header is blank or past the end of the file. Pick the row number that holds the column titles, as shown in the preview.',
		zh: '指定的表头行为空行或超出文件末尾。请按预览中显示的行号选择列标题所在的行。'
	},
	'read.cancelled': {
		en: 'Loading was cancelled. The data loaded before is unchanged.',
		zh: '已取消加载，之前加载的数据未受影响。'
	},
	'read.all-rejected': {
		en: 'No row could be read: every row was rejected. The delimiter or encoding is probably wrong; pick them by hand in the preview and try again.',
		zh: '没有任何一行可以读取：所有行均被拒绝。分隔符或编码可能有误，请在预览中手动选择后重试。'
	},
	'read.bad-delimiter': {
		en: 'That delimiter cannot be used. Pick a single character such as a comma, tab, semicolon or |.',
		zh: '无法使用该分隔符。请选择单个字符，如逗号、制表符、分号或 |。'
	},
	'read.register': {
		en: 'The file could not be handed to the database. Reload the page and try again.',
		zh: '无法将文件交给数据库。请刷新页面后重试。'
	},
	'read.load': {
		en: 'The database could not load the file. Check the delimiter and encoding in the preview, or re-export the file as CSV.',
		zh: '数据库无法加载该文件。请在预览中检查分隔符和编码，或将文件重新导出为 CSV。'
	},
	'read.failed': {
		en: 'The file could not be read. Try re-exporting it as CSV (UTF-8).',
		zh: '无法读取该文件。请尝试重新导出为 CSV（UTF-8）。'
	},
	'read.xlsx-invalid': {
		en: 'This Excel file cannot be read (it is damaged, password-protected, or not really .xlsx). Open it in Excel or WPS and save it again as .xlsx or CSV.',
		zh: '无法读取该 Excel 文件（已损坏、有密码保护或并非真正的 .xlsx）。请用 Excel 或 WPS 打开后另存为 .xlsx 或 CSV。'
	},
	'read.sheet-not-found': {
		en: 'The workbook has no sheet of that name. Pick one of the sheets listed.',
		zh: '工作簿中没有该名称的工作表，请从列出的工作表中选择。'
	},
	'read.parquet-invalid': {
		en: 'This Parquet file is damaged or incomplete. Write it again and load the new file.',
		zh: '该 Parquet 文件已损坏或不完整。请重新生成后加载。'
	},
	'read.parquet-codec': {
		en: 'This Parquet file uses a compression the browser reader does not support. Write it with Snappy, GZIP or no compression (e.g. in DuckDB: COPY … (FORMAT parquet, COMPRESSION snappy)).',
		zh: '该 Parquet 文件使用了浏览器读取器不支持的压缩方式。请改用 Snappy、GZIP 或不压缩重新生成（例如 DuckDB：COPY … (FORMAT parquet, COMPRESSION snappy)）。'
	},
	'read.json-invalid': {
		en: 'The JSON is not valid (it may be cut off). Export it again, or check it with a JSON validator.',
		zh: 'JSON 格式无效（可能被截断）。请重新导出，或用 JSON 校验工具检查。'
	},
	'read.json-shape': {
		en: 'The JSON must be a list of objects, one per order or line item ([{…}, {…}]) or one object per line. Export it in that shape.',
		zh: 'JSON 必须是对象列表（[{…}, {…}]，每个订单或明细一个对象）或每行一个对象。请按此格式导出。'
	},
	// Warnings: the file loads, but the user should look.
	'read.duplicate-header': {
		en: 'Some column titles appear twice; the repeats were renamed with “(2)”, “(3)”… Check the mapping uses the right one.',
		zh: '部分列标题重复，重复的列已重命名为“(2)”“(3)”…… 请确认映射选对了列。'
	},
	'read.empty-header': {
		en: 'Some columns have no title; they were named “column N” after their position.',
		zh: '部分列没有标题，已按位置命名为“column N”。'
	},
	'read.large-file': {
		en: 'This file is very large for a browser tab. It may run out of memory while importing; if it does, huitou says so and keeps what is loaded. Splitting it by date (e.g. one file per quarter) or leaving out columns you do not need makes it fit.',
		zh: '这个文件对浏览器标签页来说很大，导入时可能内存不足；若如此，huitou 会提示并保留已加载的数据。按时间拆分（例如每季度一个文件）或去掉不需要的列即可导入。'
	},
	'read.single-column': {
		en: 'Every row came out as a single column. If the file has several columns, pick another delimiter (comma, tab, semicolon or |).',
		zh: '每一行都只有一列。如果文件实际有多列，请选择其他分隔符（逗号、制表符、分号或 |）。'
	},
	'read.invalid-utf8': {
		en: 'Some characters could not be decoded and were replaced by �: the file mixes encodings. If text looks garbled, pick the encoding by hand (e.g. GB18030 for Taobao/JD exports).',
		zh: '部分字符无法解码，已替换为 �：文件混用了多种编码。如文字显示为乱码，请手动选择编码（淘宝、京东导出通常为 GB18030）。'
	},
	'read.lenient': {
		en: 'The file breaks CSV rules in places (for example mixed line endings or stray quotes), so it was read leniently. Check the preview and the row count against your shop’s back office.',
		zh: '文件有不符合 CSV 规范之处（如换行符混用或多余的引号），已按宽松方式读取。请对照预览和店铺后台核对行数。'
	},
	'read.rejected-truncated': {
		en: 'Very many rows were rejected; only the first 100,000 are listed. The delimiter or encoding is probably wrong for part of the file.',
		zh: '被拒绝的行非常多，只列出前 100,000 行。文件的部分内容可能分隔符或编码有误。'
	}
};
