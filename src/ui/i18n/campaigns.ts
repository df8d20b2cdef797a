import type { Msg } from '../../lib/msg.ts';

/**
 * Campaign messages. Import warnings come from buildContactWarningsSql (one row per code, with
 * {count} and up to five {examples}); notices are checked on the rows of the named query; draft
 * messages belong to the campaign builder.
 */
export const messages: Record<string, Msg> = {
	// Import: rows skipped
	'campaigns.import.missing-id': {
		en: '{count} rows have no customer id and were skipped. Check that the customer column is mapped to the buyer id (e.g. 买家会员名).',
		zh: '{count} 行没有客户编号，已跳过。请检查客户列是否映射到买家编号（如 买家会员名）。'
	},
	'campaigns.import.bad-group': {
		en: '{count} rows have a group word we do not know ({examples}) and were skipped. Use "contacted"/"实验组" or "control"/"对照组", or leave the cell empty to use the default group.',
		zh: '{count} 行的分组无法识别（{examples}），已跳过。请使用“contacted/实验组”或“control/对照组”，或留空以使用默认分组。'
	},
	'campaigns.import.bad-time': {
		en: '{count} rows have a send time that could not be read ({examples}) and were skipped. Write dates as 2024-11-14 or 2024/11/14 10:00, or set a default send time.',
		zh: '{count} 行的发送时间无法识别（{examples}），已跳过。请写成 2024-11-14 或 2024/11/14 10:00 的格式，或设置默认发送时间。'
	},
	// Import: kept, with a consequence
	'campaigns.import.bad-cost': {
		en: '{count} rows have a cost that is not a number ({examples}); the default cost per contact was used for them.',
		zh: '{count} 行的成本不是数字（{examples}），已按默认单次触达成本计算。'
	},
	'campaigns.import.duplicate': {
		en: '{count} rows repeat a customer already listed in the same campaign, wave and group (e.g. {examples}); only the first row of each was kept.',
		zh: '{count} 行与同一活动、波次、组别中已列出的客户重复（如 {examples}），每位客户只保留第一行。'
	},
	'campaigns.import.both-groups': {
		en: '{count} customers are in both the contacted and the control group of the same wave (e.g. {examples}). They were kept in the contacted group only; a control customer must not receive the message.',
		zh: '{count} 位客户在同一波次中同时属于触达组和对照组（如 {examples}），已只保留在触达组；对照组客户不应收到消息。'
	},
	'campaigns.import.unmatched-id': {
		en: '{count} customer ids match no customer in the orders (e.g. {examples}). They count as contacts who never ordered and dilute the rates. Check that the list uses the same id as the orders (buyer name vs phone, leading zeros).',
		zh: '{count} 个客户编号在订单中找不到（如 {examples}），会被当作从未下单的触达客户，从而拉低比率。请确认名单与订单使用同一种编号（买家名与手机号、前导零等）。'
	},
	'campaigns.import.out-of-range': {
		en: '{count} contacts were sent on dates outside the order data ({examples}). Their response cannot be measured; import orders covering the send date and the window after it.',
		zh: '{count} 次触达的发送日期不在订单数据范围内（{examples}），无法衡量响应。请导入覆盖发送日及其后窗口期的订单。'
	},
	'campaigns.import.zero-cost': {
		en: '{count} contacted rows cost 0 (campaign {examples}), so ROI cannot be computed for them. Enter the cost per contact (e.g. 0.05 yuan per SMS).',
		zh: '{count} 条触达记录成本为 0（活动 {examples}），无法计算 ROI。请填写单次触达成本（如每条短信 0.05 元）。'
	},
	'campaigns.import.no-control': {
		en: '{count} campaigns have no control group ({examples}). Their uplift is estimated against comparable customers instead — weaker evidence. Next time hold out a random share (e.g. 10–20%).',
		zh: '{count} 个活动没有对照组（{examples}），只能与可比客户比较来估计提升——证据较弱。下次请随机留出一部分客户（如 10–20%）不发送。'
	},
	'campaigns.import.replaces': {
		en: '{count} stored contacts of campaign {examples} will be replaced by this list.',
		zh: '活动 {examples} 已存的 {count} 条触达记录将被这份名单替换。'
	},
	'campaigns.import.empty': {
		en: 'No row of the list can be imported. Check the column mapping and the warnings above.',
		zh: '名单中没有可导入的行。请检查列映射和以上提示。'
	},

	// Analysis notices
	// any query: campaign_contacts is empty
	'campaigns.no-contacts': {
		en: 'No campaign is defined yet. Import a contact list (customer id, group, send time) or build a campaign from a segment.',
		zh: '尚未定义营销活动。请导入触达名单（客户编号、分组、发送时间），或从客户分群创建活动。'
	},

	// Campaign builder
	'campaigns.draft.empty': {
		en: 'The chosen segment has no customers with an id. Pick another segment or as-of date.',
		zh: '所选分群中没有带编号的客户。请换一个分群或截止日。'
	},
	'campaigns.draft.no-holdout': {
		en: 'With no holdout there is no control group: the campaign’s effect cannot be measured. Hold out 10–20%.',
		zh: '不留对照组就无法衡量活动效果。建议留出 10–20%。'
	},
	'campaigns.draft.sizes': {
		en: '{contacted} to contact (cost {cost}), {control} held out as control.',
		zh: '触达 {contacted} 人（成本 {cost}），留出 {control} 人作为对照组。'
	},
	'campaigns.draft.seed-hint': {
		en: 'Write the draw number down: the same segment and number always draw the same control group.',
		zh: '请记下抽样编号：相同的分群和编号总能抽出相同的对照组。'
	},

	// Campaign builder form
	'campaigns.builder.campaign': { en: 'Campaign id', zh: '活动编号' },
	'campaigns.builder.segment': { en: 'Customers (segment)', zh: '客户（分群）' },
	'campaigns.builder.choose': { en: 'Choose…', zh: '请选择…' },
	'campaigns.builder.send-date': { en: 'Send date', zh: '发送日期' },
	'campaigns.builder.send-time': { en: 'Send time', zh: '发送时间' },
	'campaigns.builder.channel': { en: 'Channel', zh: '触达渠道' },
	'campaigns.builder.sms': { en: 'SMS', zh: '短信' },
	'campaigns.builder.email': { en: 'E-mail', zh: '邮件' },
	'campaigns.builder.coupon': { en: 'Coupon', zh: '优惠券' },
	'campaigns.builder.cost': { en: 'Cost per contact', zh: '单次触达成本' },
	'campaigns.builder.holdout': { en: 'Control group (%)', zh: '对照组比例（%）' },
	'campaigns.builder.seed': { en: 'Draw number', zh: '抽样编号' },
	'campaigns.builder.new-seed': { en: 'New', zh: '换一个' },
	'campaigns.builder.draw': { en: 'Draw the groups', zh: '抽取分组' },
	'campaigns.builder.detectable': {
		en: 'With these group sizes and a natural rate of {rate}, an uplift of about {uplift} or more would show as significant (80% of the time).',
		zh: '按此分组规模和 {rate} 的自然复购率，约 {uplift} 及以上的提升可被检验为显著（把握度 80%）。'
	},
	'campaigns.builder.download-contacted': { en: 'Download the contact list', zh: '下载触达名单' },
	'campaigns.builder.download-control': { en: 'Download the control list', zh: '下载对照组名单' },
	'campaigns.builder.save': { en: 'Save the campaign', zh: '保存活动' },

	// One group test in words (CampaignResult)
	'campaigns.result.significant': {
		en: 'Response {rate} against a natural repurchase of {control}: uplift {uplift} points (95% interval {low} to {high}), significant (p {p}).',
		zh: '刺激响应率 {rate}，自然复购率 {control}：提升 {uplift} 个百分点（95% 置信区间 {low} 至 {high}），显著（p {p}）。'
	},
	'campaigns.result.not-significant': {
		en: 'Response {rate} against a natural repurchase of {control}: uplift {uplift} points (95% interval {low} to {high}), not significant (p {p}) — the difference could be chance.',
		zh: '刺激响应率 {rate}，自然复购率 {control}：提升 {uplift} 个百分点（95% 置信区间 {low} 至 {high}），不显著（p {p}）——差异可能只是偶然。'
	},
	'campaigns.result.no-control': {
		en: '{contacted} contacted, {rate} ordered in the window. Without a control group this does not show what the campaign caused; see the comparison with comparable customers.',
		zh: '触达 {contacted} 人，{rate} 在窗口内下单。没有对照组，无法说明活动带来了多少效果；请参看与可比客户的比较。'
	},
	'campaigns.result.attributed': { en: 'As sellers quote it', zh: '卖家常用口径' },
	'campaigns.result.attributed-note': {
		en: 'All orders of contacted customers in the window ÷ cost, including those they would have placed anyway.',
		zh: '触达客户在窗口内的全部订单 ÷ 成本，包括本来就会发生的购买。'
	},
	'campaigns.result.incremental': { en: 'What the campaign caused', zh: '活动带来的增量' },
	'campaigns.result.gain': { en: 'Revenue − cost: {gain}', zh: '收入 − 成本：{gain}' },
	'campaigns.result.profit': {
		en: 'Incremental profit at {margin} margin: {profit}',
		zh: '按 {margin} 毛利率的增量利润：{profit}'
	},

	// Contact list column mapping
	'campaigns.mapping.customerId': { en: 'Customer id', zh: '客户编号' },
	'campaigns.mapping.group': { en: 'Group (contacted / control)', zh: '分组（触达 / 对照）' },
	'campaigns.mapping.sendTime': { en: 'Send date', zh: '发送日期' },
	'campaigns.mapping.clock': { en: 'Send time', zh: '发送时刻' },
	'campaigns.mapping.channel': { en: 'Channel', zh: '触达渠道' },
	'campaigns.mapping.cost': { en: 'Cost per contact', zh: '单次触达成本' },
	'campaigns.mapping.campaignId': { en: 'Campaign id', zh: '活动编号' },
	'campaigns.mapping.wave': { en: 'Wave', zh: '波次' },
	'campaigns.mapping.none': { en: '(not in the file)', zh: '（文件中没有）' },
	'campaigns.mapping.defaults': {
		en: 'Used where the file has no column or an empty cell',
		zh: '文件中没有该列或单元格为空时使用'
	},
	'campaigns.mapping.contacted': { en: 'Contacted', zh: '触达组' },
	'campaigns.mapping.control': { en: 'Control', zh: '对照组' },
	'campaigns.mapping.clean': {
		en: 'No problems found: every row can be imported.',
		zh: '未发现问题：所有行都可以导入。'
	},
	'campaigns.mapping.check': { en: 'Check the list', zh: '检查名单' },
	'campaigns.mapping.import': { en: 'Import', zh: '导入' }
};
