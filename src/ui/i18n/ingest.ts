import type { Msg } from '../../lib/msg.ts';

/**
 * Import (mapping, canonical tables, quality report): error codes from src/ingest say what went
 * wrong and what to do; `ingest.reject.*` explain each rejected-row reason; the rest label the
 * import dialog and the quality report.
 */
export const messages: Record<string, Msg> = {
	'ingest.mapping-missing-date': {
		en: 'No column is mapped to the order time. Pick the column with the order (or payment) date; without it no analysis can place the order in time.',
		zh: '没有映射下单时间列。请选择订单（或付款）日期所在的列；没有时间，任何分析都无法定位订单。'
	},
	'ingest.mapping-missing-amount': {
		en: 'No amount column is mapped. Pick the order amount paid, or the line amount / unit price so the order amount can be summed from the lines.',
		zh: '没有映射金额列。请选择订单实付金额，或选择商品行金额/单价，由明细汇总出订单金额。'
	},
	'ingest.mapping-missing-customer': {
		en: 'No column is mapped to the customer. Pick a buyer column (buyer name, account, email), or confirm that every order’s customer is unknown: revenue still counts, customer metrics will be empty.',
		zh: '没有映射客户列。请选择买家列（会员名、账号、邮箱），或确认所有订单的客户均为“未知”：收入照常统计，但客户类指标将为空。'
	},
	'ingest.mapping-unknown-column': {
		en: 'The mapping names a column this file does not have. The export layout may have changed; check the mapping against the preview.',
		zh: '映射中引用了本文件没有的列。导出格式可能已变化，请对照预览检查映射。'
	},
	'ingest.unknown-layout': {
		en: 'This file’s columns match no known platform export. Map its columns to order fields in the column mapper; the mapping is remembered for files with the same columns.',
		zh: '该文件的列与已知平台导出格式都不匹配。请在列映射中把列对应到订单字段；相同列结构的文件会记住这次映射。'
	},
	'ingest.nothing-loaded': {
		en: 'Every row of this file was rejected, so nothing was loaded. Look at the first rejected rows: usually the date order, the decimal mark or the column mapping is wrong.',
		zh: '该文件的所有行都被拒绝，未导入任何数据。请查看前几条被拒绝的行：通常是日期顺序、小数点符号或列映射有误。'
	},
	'ingest.cancelled': {
		en: 'Import cancelled. Data loaded before stays as it was.',
		zh: '已取消导入。之前导入的数据保持不变。'
	},
	'ingest.quality': {
		en: 'The data-quality report could not be built. The file was not loaded; try again, and report the detail below if it persists.',
		zh: '无法生成数据质量报告，文件未导入。请重试；如仍失败，请反馈下方详情。'
	},
	'ingest.unknown-status': {
		en: 'Some status words are not recognised and were counted as paid: {words}. Map them to paid / refunded / cancelled / closed if that is wrong.',
		zh: '部分订单状态无法识别，已按“已付款”计：{words}。如不正确，请将其映射为 已付款/已退款/已取消/已关闭。'
	},
	'ingest.mixed-date-order': {
		en: 'Some dates are day-first and others month-first, so one of them is read wrongly. Check the date column; set the date order by hand if needed.',
		zh: '部分日期为“日/月”顺序，另一部分为“月/日”顺序，其中一种会被读错。请检查日期列，必要时手动指定日期顺序。'
	},
	'ingest.mixed-currency': {
		en: 'This file’s amounts are in more than one currency (rows per currency: {words}). Totals add them up as if they were one; import each currency’s orders separately, or convert them first.',
		zh: '此文件的金额包含多种币种（各币种行数：{words}）。合计时会把它们当作同一币种相加；请按币种分别导入，或先换算为同一币种。'
	},
	'ingest.float-ids': {
		en: 'An id column wrote every id as a decimal (17850.0), as spreadsheets save number columns; the ids were read without the .0, so the same customer matches across files.',
		zh: '某个编号列把每个编号都写成了小数（17850.0），这是表格软件保存数字列的方式；已去掉 .0 读取，使同一客户在不同文件中能对应上。'
	},
	'ingest.date-order-guessed': {
		en: 'No date in this file has a day above 12, so day/month order could not be told from the data; the platform’s usual order was used. Check a known order’s date.',
		zh: '文件中没有大于 12 的日，无法从数据判断日/月顺序，已按平台惯例读取。请用一笔已知订单核对日期。'
	},

	'ingest.date-format-invalid': {
		en: 'This date format cannot be read. Write it with YYYY or YY, M or MM, D or DD, and optionally H:mm (or h:mm with A for AM/PM), ss and Z for an offset, e.g. D.M.YYYY H:mm; every other character stands for itself.',
		zh: '无法使用该日期格式。请用 YYYY 或 YY、M 或 MM、D 或 DD 书写，可选 H:mm（12 小时制用 h:mm 加 A 表示上午/下午）、ss 和表示时区偏移的 Z，例如 D.M.YYYY H:mm；其他字符按原样匹配。'
	},

	'ingest.reject.missing-order-id': {
		en: 'No order id',
		zh: '缺少订单号'
	},
	'ingest.reject.bad-date': {
		en: 'Date cannot be read',
		zh: '日期无法识别'
	},
	'ingest.reject.bad-date-in': {
		en: '“{value}” is not a date in {format}',
		zh: '“{value}” 不是 {format} 格式的日期'
	},
	'ingest.reject.bad-amount': {
		en: 'Amount is not a number',
		zh: '金额不是数字'
	},
	'ingest.reject.bad-quantity': {
		en: 'Quantity is not a number',
		zh: '数量不是数字'
	},
	'ingest.reject.missing-date': {
		en: 'Order has no date on any row',
		zh: '订单的所有行都没有日期'
	},
	'ingest.reject.missing-amount': {
		en: 'Order has no amount on any row',
		zh: '订单的所有行都没有金额'
	},
	'ingest.reject.order-has-rejected-row': {
		en: 'Another row of this order was rejected, so the whole order was left out',
		zh: '该订单的其他行被拒绝，整笔订单未导入'
	},

	'ingest.field.order_id': { en: 'Order id', zh: '订单号' },
	'ingest.field.customer_id': { en: 'Customer id', zh: '客户 ID' },
	'ingest.field.order_time': { en: 'Order time', zh: '下单时间' },
	'ingest.field.pay_time': { en: 'Payment time', zh: '付款时间' },
	'ingest.field.status': { en: 'Order status', zh: '订单状态' },
	'ingest.field.after_sale_status': { en: 'After-sale status', zh: '售后状态' },
	'ingest.field.order_amount': { en: 'Order amount paid', zh: '订单实付金额' },
	'ingest.field.refund_amount': { en: 'Refund amount', zh: '退款金额' },
	'ingest.field.channel': { en: 'Channel / traffic source', zh: '渠道/流量来源' },
	'ingest.field.campaign': { en: 'Campaign / coupon', zh: '活动/优惠券' },
	'ingest.field.province': { en: 'Province / state', zh: '省份' },
	'ingest.field.city': { en: 'City', zh: '城市' },
	'ingest.field.address': { en: 'Address (province first)', zh: '收货地址（省份在前）' },
	'ingest.field.product_id': { en: 'Product id / SKU', zh: '商品 ID/SKU' },
	'ingest.field.product_title': { en: 'Product title', zh: '商品名称' },
	'ingest.field.category': { en: 'Category', zh: '类目' },
	'ingest.field.quantity': { en: 'Quantity', zh: '数量' },
	'ingest.field.line_amount': { en: 'Line amount', zh: '商品行金额' },
	'ingest.field.unit_price': { en: 'Unit price', zh: '单价' },
	'ingest.field.customer_name': { en: 'Customer name', zh: '客户姓名' },
	'ingest.field.phone': { en: 'Phone', zh: '电话' },
	'ingest.field.email': { en: 'Email', zh: '邮箱' },
	'ingest.field.currency': { en: 'Currency', zh: '币种' },

	'ingest.dialog.title': { en: 'Import order files', zh: '导入订单文件' },
	'ingest.dialog.preview': { en: 'First rows as read', zh: '读取到的前几行' },
	'ingest.dialog.encoding': { en: 'Encoding', zh: '编码' },
	'ingest.dialog.delimiter': { en: 'Delimiter', zh: '分隔符' },
	'ingest.too-big': {
		en: 'This file is too big for the browser: DuckDB ran out of the memory a page may use while building the orders. Files of up to about 5 million orders with one row per order load; split a bigger export by date (e.g. one file per quarter) and import the parts together, or leave out columns you do not need. The data loaded before is kept.',
		zh: '文件太大，浏览器内存不足：DuckDB 在生成订单表时用完了页面可用的内存。每行一个订单时，约 500 万订单以内可以导入；请按时间拆分更大的导出文件（例如每季度一个文件）后一起导入，或去掉不需要的列。之前加载的数据仍保留。'
	},
	'ingest.dialog.sheet': { en: 'Sheet', zh: '工作表' },
	'ingest.dialog.header-row': { en: 'Header row', zh: '表头所在行' },
	'ingest.dialog.rows-above': {
		en: 'The column names are on row {row}; the {count} line(s) above them are skipped:',
		zh: '列名在第 {row} 行；其上方的 {count} 行已跳过：'
	},
	'ingest.dialog.detected': { en: 'Detected', zh: '自动识别' },
	'ingest.dialog.preset': { en: 'Layout', zh: '导出格式' },
	'ingest.dialog.preset-none': {
		en: 'Unknown layout: map the columns below',
		zh: '未知格式：请在下方映射列'
	},
	'ingest.dialog.remembered': {
		en: 'Mapping remembered from an earlier file with these columns',
		zh: '已沿用之前相同列结构文件的映射'
	},
	'ingest.dialog.mapper': { en: 'Columns', zh: '列映射' },
	'ingest.dialog.field': { en: 'Order field', zh: '订单字段' },
	'ingest.dialog.column': { en: 'Column in file', zh: '文件中的列' },
	'ingest.dialog.not-mapped': { en: '— not in file —', zh: '— 文件中没有 —' },
	'ingest.dialog.suggested': { en: 'suggested', zh: '建议' },
	'ingest.dialog.required': { en: 'required', zh: '必填' },
	'ingest.dialog.unknown-customers': {
		en: 'This file has no customer column: treat every customer as unknown',
		zh: '该文件没有客户列：所有客户按“未知”处理'
	},
	'ingest.dialog.statuses': {
		en: 'Status words in the first rows',
		zh: '前几行中的订单状态'
	},
	'ingest.dialog.status-unknown': {
		en: '? not recognised (imported as paid)',
		zh: '? 无法识别（按已付款导入）'
	},
	'ingest.dialog.date-order': { en: 'Dates like 11/12/2024', zh: '形如 11/12/2024 的日期' },
	'ingest.dialog.date-order.auto': { en: 'Decide from the data', zh: '根据数据判断' },
	'ingest.dialog.date-order.dmy': { en: 'Day first (11 Dec)', zh: '日在前（12月11日）' },
	'ingest.dialog.date-order.mdy': { en: 'Month first (Nov 12)', zh: '月在前（11月12日）' },
	'ingest.dialog.date-order.ymd': {
		en: 'Year first only (reject others)',
		zh: '仅接受年在前（其余拒绝）'
	},
	'ingest.dialog.timezone': { en: 'Store time zone', zh: '店铺时区' },
	'ingest.dialog.timezone-hint': {
		en: 'Order times are shown in this zone; times written with another offset are converted once.',
		zh: '订单时间按此时区显示；带其他时区偏移的时间会在导入时换算一次。'
	},
	'ingest.dialog.decimal': { en: 'Decimal mark', zh: '小数点' },
	'ingest.dialog.import': { en: 'Import', zh: '导入' },
	'ingest.dialog.cancel': { en: 'Cancel', zh: '取消' },
	'ingest.dialog.files': { en: '{count} files', zh: '{count} 个文件' },
	'ingest.dialog.rows-per-second': { en: 'rows/s', zh: '行/秒' },
	'ingest.dialog.phase.preview': { en: 'Reading the header', zh: '读取表头' },
	'ingest.dialog.phase.reading': { en: 'Reading rows', zh: '读取数据行' },
	'ingest.dialog.phase.building': { en: 'Building orders', zh: '生成订单' },
	'ingest.dialog.phase.report': { en: 'Checking quality', zh: '检查数据质量' },
	'ingest.dialog.phase.merging': { en: 'Saving', zh: '保存' },
	'ingest.dialog.phase.done': { en: 'Done', zh: '完成' },

	'ingest.report.title': { en: 'Data quality: {file}', zh: '数据质量：{file}' },
	'ingest.report.totals': { en: 'Everything loaded', zh: '已导入的全部数据' },
	'ingest.report.rows-read': { en: 'Rows read', zh: '读取行数' },
	'ingest.report.orders': { en: 'Orders', zh: '订单' },
	'ingest.report.paid-orders': { en: 'Paid orders', zh: '已付款订单' },
	'ingest.report.lines': { en: 'Order lines', zh: '商品行' },
	'ingest.report.customers': { en: 'Customers', zh: '客户' },
	'ingest.report.unknown-customers': {
		en: 'Orders with unknown customer',
		zh: '客户未知的订单'
	},
	'ingest.report.unknown-revenue': {
		en: 'Net revenue of unknown customers',
		zh: '未知客户的净收入'
	},
	'ingest.report.date-range': { en: 'Order dates', zh: '订单日期' },
	'ingest.report.currency': { en: 'Currency', zh: '币种' },
	'ingest.report.duplicates': {
		en: 'Orders replacing earlier ones (same id)',
		zh: '替换先前同号订单'
	},
	'ingest.report.gross': { en: 'Gross amount', zh: '总金额' },
	'ingest.report.net': { en: 'Net revenue', zh: '净收入' },
	'ingest.report.refunds': { en: 'Refunded amount', zh: '退款金额' },
	'ingest.report.status': { en: 'Status', zh: '状态' },
	'ingest.report.status.paid': { en: 'Paid', zh: '已付款' },
	'ingest.report.status.refunded': { en: 'Refunded', zh: '已退款' },
	'ingest.report.status.cancelled': { en: 'Cancelled', zh: '已取消' },
	'ingest.report.status.closed': { en: 'Closed', zh: '已关闭' },
	'ingest.report.suspicious': { en: 'Worth a look', zh: '值得关注' },
	'ingest.report.zero-amount': { en: 'Orders with amount 0', zh: '金额为 0 的订单' },
	'ingest.report.refund-rows': {
		en: 'Refund rows netted into their order',
		zh: '并入所属订单的退款行'
	},
	'ingest.report.refund-only': {
		en: 'Returns whose sale is not in this file',
		zh: '销售记录不在本文件中的退货'
	},
	'ingest.report.future': { en: 'Orders dated in the future', zh: '日期在未来的订单' },
	'ingest.report.before-2000': { en: 'Orders dated before 2000', zh: '日期早于 2000 年的订单' },
	'ingest.report.unknown-status': {
		en: 'Unrecognised status words (counted as paid)',
		zh: '无法识别的状态（按已付款计）'
	},
	'ingest.report.date-order': { en: 'Date order used', zh: '采用的日期顺序' },
	'ingest.report.date-order.ymd': { en: 'Year first (2024-11-12)', zh: '年在前（2024-11-12）' },
	'ingest.report.date-order.dmy': { en: 'Day first (12/11/2024)', zh: '日在前（12/11/2024）' },
	'ingest.report.date-order.mdy': { en: 'Month first (11/12/2024)', zh: '月在前（11/12/2024）' },
	'ingest.report.date-format': { en: 'Date format used', zh: '采用的日期格式' },
	'ingest.report.offset-rule': { en: 'Time offsets', zh: '时区偏移' },
	'ingest.report.offset-rule.none': {
		en: 'None written: times read in the store zone',
		zh: '未标注：按店铺时区读取'
	},
	'ingest.report.offset-rule.single': {
		en: 'One offset ({offsets}): converted to the store zone',
		zh: '单一偏移（{offsets}）：已换算为店铺时区'
	},
	'ingest.report.offset-rule.wall-clock': {
		en: 'Several offsets ({offsets}, daylight saving): each time kept as written',
		zh: '多个偏移（{offsets}，夏令时）：每个时间按原样保留'
	},
	'ingest.report.rejected': { en: 'Rejected rows ({count})', zh: '被拒绝的行（{count}）' },
	'ingest.report.no-rejected': {
		en: 'No row was rejected.',
		zh: '没有被拒绝的行。'
	},
	'ingest.report.line': { en: 'Line', zh: '行号' },
	'ingest.report.reason': { en: 'Reason', zh: '原因' },
	'ingest.report.column': { en: 'Column', zh: '列' },
	'ingest.report.value': { en: 'Value', zh: '值' },
	'ingest.report.download': { en: 'Download rejected rows (CSV)', zh: '下载被拒绝的行（CSV）' },
	'ingest.report.failed': { en: 'Not imported', zh: '未导入' },
	'ingest.dialog.encoding.bom': { en: 'Marked in the file', zh: '文件自带标记' },
	'ingest.dialog.encoding.bom-hint': {
		en: 'The file starts with a byte-order mark that names its encoding.',
		zh: '文件开头的字节顺序标记（BOM）写明了编码。'
	},
	'ingest.dialog.encoding.certain': { en: 'Certain', zh: '确定' },
	'ingest.dialog.encoding.certain-hint': {
		en: 'The bytes read cleanly in this encoding and in no other that makes sense, or it was chosen by hand.',
		zh: '文件只有按此编码才能读得通，或是手动选择的编码。'
	},
	'ingest.dialog.encoding.guess': { en: 'A guess: check the preview', zh: '推测：请核对预览' },
	'ingest.dialog.encoding.guess-hint': {
		en: 'Another encoding reads these bytes too. If the preview shows garbled text, choose another one.',
		zh: '其他编码也能读取这些字节。如果预览中出现乱码，请换一种编码。'
	},
	'ingest.dialog.not-read': {
		en: '✕ not an amount as mapped',
		zh: '✕ 按当前设置无法读成金额'
	},
	'ingest.dialog.no-order-id': {
		en: 'No column holds an order id. Which rows make one order?',
		zh: '没有订单号列。哪些行算作一笔订单？'
	},
	'ingest.dialog.order-id-mode.row': { en: 'Each row is one order', zh: '每一行是一笔订单' },
	'ingest.dialog.order-id-mode.customer-time': {
		en: 'Rows of the same customer at the same time are one order',
		zh: '同一客户、同一时间的多行是一笔订单'
	},
	'ingest.dialog.order-id-generated': {
		en: 'Order ids are then generated from the file and its rows: the same file gives the same ids again.',
		zh: '订单号将根据文件及其行生成：同一文件再次导入得到相同的订单号。'
	},
	'ingest.dialog.date-format': { en: 'Date format', zh: '日期格式' },
	'ingest.dialog.date-format.auto': { en: 'Decide from the data', zh: '根据数据判断' },
	'ingest.dialog.date-format.detected': {
		en: 'From the data: {format}',
		zh: '根据数据：{format}'
	},
	'ingest.dialog.date-format.custom': { en: 'Other: type the format…', zh: '其他：手动输入格式…' },
	'ingest.dialog.date-format.pattern': {
		en: 'Format (e.g. D.M.YYYY H:mm)',
		zh: '格式（例如 D.M.YYYY H:mm）'
	},
	'ingest.failure.first-rejected': {
		en: 'The first {count} rejected rows, as written in the file:',
		zh: '最先被拒绝的 {count} 行（文件中的原文）：'
	},
	'ingest.failure.reopen': { en: 'Reopen with the same choices', zh: '按原设置重新打开' },
	'ingest.report.more': { en: 'Show {count} more', zh: '再显示 {count} 行' }
};
