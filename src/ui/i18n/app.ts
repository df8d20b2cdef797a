import type { Msg } from '../../lib/msg.ts';

export const messages: Record<string, Msg> = {
	'app.tagline': {
		en: 'Returning-customer analytics for your order exports — private, in your browser',
		zh: '回头客分析：订单数据只在你的浏览器里计算，不上传'
	},
	'app.language': { en: 'Language', zh: '语言' },
	'app.theme': { en: 'Theme', zh: '主题' },
	'engine.idle': { en: 'Engine idle', zh: '引擎未启动' },
	'engine.loading': { en: 'Loading engine… {pct}', zh: '正在加载引擎… {pct}' },
	'engine.starting': { en: 'Starting engine…', zh: '正在启动引擎…' },
	'engine.ready': { en: 'DuckDB {version} ready', zh: 'DuckDB {version} 已就绪' },
	'engine.failed': { en: 'Engine failed to start', zh: '引擎启动失败' },
	'engine.restart': { en: 'Restart engine', zh: '重启引擎' },
	'layout.skip': { en: 'Skip to the notebook', zh: '跳到笔记本' },
	'layout.panel': { en: 'Data & notebooks', zh: '数据与笔记本' },
	'layout.filters': { en: 'Filters', zh: '筛选' },
	'layout.close': { en: 'Close the panel', zh: '关闭面板' },
	'cells.waiting': { en: '{n} cells waiting', zh: '{n} 个单元排队中' },
	'kpi.versus': { en: 'vs {period}', zh: '对比 {period}' },
	'empty.title': { en: 'Drop your order export here', zh: '把订单报表拖到这里' },
	'empty.body': {
		en: 'CSV, TSV, Excel (XLSX), Parquet or JSON — also gzip-compressed. Taobao/Tmall, JD, Pinduoduo, Douyin, TikTok Shop, Shopify, WooCommerce, Amazon or any layout.',
		zh: '支持 CSV、TSV、Excel（XLSX）、Parquet、JSON 及其 gzip 压缩文件。淘宝/天猫、京东、拼多多、抖音、TikTok Shop、Shopify、WooCommerce、亚马逊或任意格式。'
	},
	'empty.feature.rfm': { en: 'RFM segments', zh: 'RFM 分层' },
	'empty.feature.rfm-body': {
		en: 'Eleven named segments, rules visible and editable',
		zh: '十一类客户分群，规则可见可改'
	},
	'empty.feature.cohorts': { en: 'Cohort retention', zh: '同期群留存' },
	'empty.feature.cohorts-body': {
		en: 'By first month, channel or category',
		zh: '按首单月份、渠道、类目看复购'
	},
	'empty.feature.repurchase': { en: 'Repurchase cycle', zh: '复购周期' },
	'empty.feature.repurchase-body': {
		en: 'Repeat rates, gaps and when to re-contact',
		zh: '复购率、复购间隔与再触达时机'
	},
	'empty.feature.tiers': { en: 'Tiers & lifecycle', zh: '会员等级与生命周期' },
	'empty.feature.tiers-body': {
		en: 'Dormant, churned and reactivation',
		zh: '休眠、流失与唤醒率'
	},
	'empty.feature.campaigns': { en: 'Campaign ROI', zh: '活动 ROI' },
	'empty.feature.campaigns-body': {
		en: 'Response vs natural repurchase, with confidence',
		zh: '刺激响应率 vs 自然复购率，置信区间'
	},
	'empty.feature.predict': { en: 'Prediction', zh: '预测' },
	'empty.feature.predict-body': {
		en: 'BG/NBD: P(alive), next orders, CLV',
		zh: 'BG/NBD：存活概率、未来订单、CLV'
	},
	'empty.pick': { en: 'Choose files…', zh: '选择文件…' },
	'empty.or': { en: 'or', zh: '或' },
	'empty.privacy': {
		en: 'Nothing is uploaded. The file is read and analysed by DuckDB inside this page; you can check in your browser’s network panel.',
		zh: '数据不会上传。文件由本页面内的 DuckDB 读取和分析；可在浏览器的“网络”面板中核实。'
	},
	'data.title': { en: 'Data', zh: '数据' },
	'data.add': { en: 'Add files', zh: '添加文件' },
	'data.orders': { en: 'paid orders', zh: '已付款订单' },
	'data.orders.closed': { en: '+{n} closed', zh: '另有 {n} 笔已关闭' },
	'data.orders.cancelled': { en: '+{n} cancelled', zh: '另有 {n} 笔已取消' },
	'data.orders.refunded': { en: '+{n} refunded', zh: '另有 {n} 笔已退款' },
	'data.customers': { en: 'customers', zh: '客户' },
	'data.lines': { en: 'order lines', zh: '订单明细' },
	'data.range': { en: 'Date range', zh: '日期范围' },
	'data.files': { en: 'Files', zh: '文件' },
	'data.report': { en: 'Quality report', zh: '数据质量报告' },
	'data.loading': { en: 'Loading {name}…', zh: '正在加载 {name}…' },
	'share.waiting': {
		en: 'The shared notebook “{title}” is open. Drop the data file it was made from (the link carries no data) and its charts appear.',
		zh: '已打开分享的笔记本“{title}”。请拖入它所用的数据文件（链接不含数据），图表即会出现。'
	},
	'data.keep': {
		en: 'Keep my data in this browser (so a reload does not need the files again)',
		zh: '在本浏览器中保留数据（刷新后无需重新选择文件）'
	},
	'data.keep-sample': {
		en: 'The sample shop is not stored: it comes with this page, and a reload loads it again from here.',
		zh: '示例店铺数据不会另存：它随本页面提供，刷新后会从本页面重新加载。'
	},
	'data.forget': { en: 'Forget the kept data', zh: '清除保留的数据' },
	'data.dropHint': { en: 'Drop files to add them', zh: '拖入文件即可追加' },
	'globals.asOf': { en: 'As of', zh: '截至' },
	'globals.from': { en: 'From', zh: '从' },
	'globals.to': { en: 'To', zh: '到' },
	'globals.channel': { en: 'Channel', zh: '渠道' },
	'globals.province': { en: 'Region', zh: '地区' },
	'globals.category': { en: 'Category', zh: '类目' },
	'globals.all': { en: 'All', zh: '全部' },
	'globals.revenue': { en: 'Revenue', zh: '收入口径' },
	'globals.net': { en: 'Net', zh: '净额' },
	'globals.gross': { en: 'Gross', zh: '总额' },
	'globals.currency': { en: 'Currency', zh: '币种' },
	'globals.reset': { en: 'Reset filters', zh: '重置筛选' },
	'cell.run': { en: 'Run', zh: '运行' },
	'cell.run-again': { en: 'Run again', zh: '重新运行' },
	'cell.stopped': {
		en: 'Stopped. The data is loaded again; this cell waits until you run it again or change its parameters.',
		zh: '已停止。数据已重新加载；此单元将等待你重新运行或修改参数后再计算。'
	},
	'cell.cancel': { en: 'Cancel', zh: '取消' },
	'cell.lacks': {
		en: 'The loaded orders have no {columns}, so this view has nothing to group by. If the file has such a column, map it in the import dialog.',
		zh: '已导入的订单没有{columns}，此视图无从分组。如果文件中有这一列，请在导入对话框中映射它。'
	},
	'cell.column.channel': { en: 'sales channel', zh: '销售渠道' },
	'cell.column.province': { en: 'province or region', zh: '省份/地区' },
	'cell.column.category': { en: 'product category', zh: '商品品类' },
	'cell.running': { en: 'Running…', zh: '运行中…' },
	'cell.queued': { en: 'Waiting…', zh: '等待中…' },
	'cell.computing': {
		en: 'Computing in your browser — cells run one after another.',
		zh: '正在浏览器中计算——各单元依次运行。'
	},
	'cell.waiting': {
		en: 'Waiting for its turn — {n} ahead (cells on screen go first).',
		zh: '排队中——前面还有 {n} 个（屏幕上的单元优先）。'
	},
	'cell.load.with-step': { en: '{what}: {step}', zh: '{what}：{step}' },
	'cell.load.import': { en: 'Waiting for the import', zh: '等待导入完成' },
	'cell.load.sample': { en: 'Waiting for the data to load', zh: '等待数据加载' },
	'cell.load.reload': { en: 'Waiting for your data to load again', zh: '等待数据重新加载' },
	'cell.load.engine': { en: 'Waiting for DuckDB to start', zh: '等待 DuckDB 启动' },
	'cell.load.step.preview': { en: 'reading the header', zh: '读取表头' },
	'cell.load.step.reading': { en: 'reading rows', zh: '读取数据行' },
	'cell.load.step.building': { en: 'building orders', zh: '生成订单' },
	'cell.load.step.report': { en: 'checking quality', zh: '检查数据质量' },
	'cell.load.step.merging': { en: 'saving', zh: '保存' },
	'cell.load.step.done': { en: 'finishing', zh: '即将完成' },
	'cell.load.step.fetching': { en: 'fetching the sample shop', zh: '获取示例店铺数据' },
	'cell.load.step.engine': { en: 'waiting for DuckDB to start', zh: '等待 DuckDB 启动' },
	'cell.load.step.loading': { en: 'loading the sample shop', zh: '加载示例店铺数据' },
	'cell.step.prepare': {
		en: 'Preparing the analysis: its model is fitted first…',
		zh: '正在准备分析：先拟合模型…'
	},
	'cell.step.tables': {
		en: 'Preparing the tables every cell shares (filtered orders, first orders)…',
		zh: '正在准备各单元共用的数据表（筛选后的订单、首单）…'
	},
	'cell.step.sql': { en: 'Running its SQL…', zh: '正在运行 SQL…' },
	'cell.step.query': {
		en: 'Running {n} of {of}: {title}',
		zh: '正在运行第 {n} 项（共 {of} 项）：{title}'
	},
	'cell.remove': { en: 'Remove cell', zh: '删除单元' },
	'cell.duplicate': { en: 'Duplicate', zh: '复制' },
	'cell.up': { en: 'Move up', zh: '上移' },
	'cell.down': { en: 'Move down', zh: '下移' },
	'cell.collapse': { en: 'Collapse', zh: '折叠' },
	'cell.expand': { en: 'Expand', zh: '展开' },
	'cell.params': { en: 'Parameters', zh: '参数' },
	'cell.definition': { en: 'Definition', zh: '定义' },
	'cell.chart': { en: 'Chart', zh: '图表' },
	'cell.table': { en: 'Table', zh: '表格' },
	'quality.contacts-title': { en: 'Contact list: {file}', zh: '触达名单：{file}' },
	'quality.contacts-summary': {
		en: '{rows} contact rows in {campaigns} campaign(s)',
		zh: '{rows} 条触达记录，{campaigns} 个活动'
	},
	'note.edit': { en: 'Edit', zh: '编辑' },
	'note.done': { en: 'Done', zh: '完成' },
	'progress.rows-per-second': { en: 'rows/s', zh: '行/秒' },
	'progress.rows-read': { en: '{n} rows read', zh: '已读取 {n} 行' },
	'progress.found': {
		en: '{orders} orders from {customers} customers so far',
		zh: '目前 {customers} 位顾客的 {orders} 笔订单'
	},
	'export.title': { en: 'Export', zh: '导出' },
	'sql.table-only': { en: 'Table only', zh: '仅表格' },
	'theme.system': { en: 'System', zh: '跟随系统' },
	'theme.light': { en: 'Light', zh: '浅色' },
	'theme.dark': { en: 'Dark', zh: '深色' },
	'app.headline': { en: 'Understand your returning customers', zh: '从订单数据看懂你的回头客' },
	'cell.openSql': { en: 'Open as SQL', zh: '以 SQL 打开' },
	'cell.sql-ask': {
		en: 'Replace this cell with its SQL? The chart and settings give way to an editor.',
		zh: '用它的 SQL 替换这个单元？图表和参数将换成编辑器。'
	},
	'cell.sql-replace': { en: 'Replace this cell', zh: '替换此单元' },
	'cell.sql-add-below': { en: 'Add the SQL as a new cell below', zh: '在下方新增 SQL 单元' },
	'campaign.build': { en: 'Build a campaign', zh: '创建活动' },
	'cell.name': { en: 'Result name', zh: '结果名称' },
	'cell.noRows': { en: 'No rows for these filters.', zh: '当前筛选条件下没有数据。' },
	'cell.drillHint': {
		en: 'Click a bar, cell or point to list its customers.',
		zh: '点击柱子、格子或点，查看对应客户名单。'
	},
	'cell.rows': { en: '{n} rows', zh: '{n} 行' },
	'cell.ms': { en: '{ms} ms', zh: '{ms} 毫秒' },
	'list.title': { en: 'Customers: {what}', zh: '客户名单：{what}' },
	'list.count': { en: '{n} customers', zh: '{n} 位客户' },
	'list.csv': { en: 'Export CSV', zh: '导出 CSV' },
	'list.xlsx': { en: 'Export XLSX', zh: '导出 XLSX' },
	'list.close': { en: 'Close', zh: '关闭' },
	'list.preview': {
		en: 'Showing the first {n}; exports contain all.',
		zh: '仅显示前 {n} 位；导出包含全部。'
	},
	'add.title': { en: 'Add a cell', zh: '添加单元' },
	'add.sql': { en: 'SQL', zh: 'SQL' },
	'add.markdown': { en: 'Note', zh: '笔记' },
	'error.whatToDo': { en: 'What to do', zh: '怎么办' },
	'import.phase.preview': { en: 'Reading the start of', zh: '正在预览' },
	'import.phase.reading': { en: 'Reading', zh: '正在读取' },
	'import.phase.building': { en: 'Building orders from', zh: '正在整理订单：' },
	'import.phase.report': { en: 'Checking the quality of', zh: '正在检查数据质量：' },
	'import.phase.merging': { en: 'Merging', zh: '正在合并' },
	'import.phase.done': { en: 'Loaded', zh: '已加载' },
	'campaigns.import.orders-first': {
		en: 'This is a campaign contact list. Load the order export first, then the contact list, so responses can be matched to orders.',
		zh: '这是营销活动的触达名单。请先加载订单报表，再加载名单，才能把响应与订单对应起来。'
	}
};
