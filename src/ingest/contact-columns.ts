/**
 * How a contact list's columns are named and read: the fields a list can have, the words for its
 * two groups, and a first guess of the mapping from header names and values. Both the importer
 * and the campaign analysis read lists this way, so it lives below both.
 */

/** Source column (exact header name) per contact field; only customerId is required. */
export interface ContactColumns {
	customerId: string;
	group?: string;
	sendTime?: string;
	channel?: string;
	cost?: string;
	campaignId?: string;
	wave?: string;
}

/** Values used where the file has no column or an empty cell. */
export interface ContactDefaults {
	campaignId: string;
	wave: number;
	group: 'contacted' | 'control';
	/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`, store-local. */
	sendTime?: string;
	channel?: string;
	/** Cost of one contacted row; control rows cost 0 unless the file says otherwise. */
	costPerContact: number;
}

export const CONTACT_DEFAULTS: ContactDefaults = {
	campaignId: 'campaign',
	wave: 1,
	group: 'contacted',
	costPerContact: 0
};

/** Group words recognised (trimmed, lower case); anything else is reported and skipped. */
export const GROUP_WORDS = {
	contacted: [
		'contacted',
		'treatment',
		'treated',
		'test',
		'sent',
		'target',
		'实验',
		'实验组',
		'测试组',
		'发送',
		'已发送',
		'触达',
		'触达组',
		'已触达',
		'处理组',
		'干预组',
		'营销组'
	],
	control: [
		'control',
		'holdout',
		'hold-out',
		'hold out',
		'not sent',
		'对照',
		'对照组',
		'control group',
		'控制组',
		'保留组',
		'未触达',
		'空白组',
		'未发送',
		'不发送'
	]
} as const;

/**
 * Header names that suggest each field, most specific first, matched against the name trimmed,
 * lower-cased and without spaces, underscores, dashes or dots (`Customer ID` = `customerid`).
 * A phone number is the last guess for the customer: SMS lists are often keyed by it.
 */
const HEADER_HINTS: Record<keyof ContactColumns, RegExp[]> = {
	customerId: [
		/^(customer|client|buyer|member|user|vip)(id|no|number|code|nick|nickname|name)?$/,
		/^(uid|openid|unionid|memberid|nick|nickname)$/,
		/^(客户|顾客|买家|会员|用户)(id|编号|号|会员名|昵称|账号|名|名称|卡号)?$/,
		/^(phone|mobile|tel|手机|手机号|手机号码|电话)$/
	],
	group: [
		/^(group|grp|arm|variant|testgroup|abgroup|ab|treatmentgroup|cohort)$/,
		/^(分组|组别|组|实验分组|实验组别|ab分组|测试分组|人群分组|是否对照)$/
	],
	sendTime: [
		/^(send|sent|contact|contacted|push|delivery|dispatch)(time|date|at|on|datetime)?$/,
		/^(发送|触达|推送|发放|营销|下发)(时间|日期)$/,
		/^(date|time|datetime|day|时间|日期)$/
	],
	channel: [
		/^(channel|medium|method|via|touchpoint|contactchannel)$/,
		/^(渠道|方式|媒介|触达方式|营销方式|触达渠道|发送渠道|推送渠道)$/
	],
	cost: [
		/^(cost|costpercontact|unitcost|price|fee|spend|costyuan)$/,
		/^(费用|成本|单价|花费|触达成本|单条成本|发送成本|费用元)$/
	],
	campaignId: [
		/^(campaign|promo|promotion|activity)(id|name|code)?$/,
		/^(活动|营销活动|营销计划|计划|任务)(id|编号|名称|名|代码)?$/
	],
	wave: [/^(wave|round|batch|waveno|roundno)$/, /^(波次|批次|轮次|第几轮|第几波)$/]
};

const normalizeHeader = (h: string) =>
	h
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_\-.()（）]+/g, '');

/** How a group cell is read: the default group when empty, undefined when not recognised. */
export function readGroupWord(
	text: string,
	defaultGroup: ContactDefaults['group'] = CONTACT_DEFAULTS.group
): 'contacted' | 'control' | undefined {
	const word = text.trim().toLowerCase();
	if (word === '') return defaultGroup;
	if ((GROUP_WORDS.contacted as readonly string[]).includes(word)) return 'contacted';
	if ((GROUP_WORDS.control as readonly string[]).includes(word)) return 'control';
	return undefined;
}

/** Share of a column's non-empty preview cells that pass `test` (0 when all are empty). */
function shareOf(
	rows: readonly (readonly string[])[],
	index: number,
	test: (v: string) => boolean
) {
	const values = rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
	return values.length ? values.filter(test).length / values.length : 0;
}

/**
 * Year-first dates with separators (2024-11-14, 2024/11/14 10:00, 2024年11月14日). Bare digits
 * (20241114, Excel serials) are left to the header: numeric customer ids look the same.
 */
const looksLikeDate = (v: string) => /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/.test(v);

/** Columns whose values decide a field when no header name does: most cells must fit. */
const VALUE_HINTS: Partial<Record<keyof ContactColumns, (v: string) => boolean>> = {
	group: (v) => readGroupWord(v) !== undefined,
	sendTime: looksLikeDate
};

/**
 * A first guess of the column mapping: from header names, then (with preview rows) from values
 * for the group (mostly 对照 / control / 实验 / treatment …) and the send time (mostly dates).
 * Fields without a match are left out; a column is used for one field at most.
 */
export function suggestContactColumns(
	header: readonly string[],
	rows: readonly (readonly string[])[] = []
): Partial<ContactColumns> {
	const out: Partial<ContactColumns> = {};
	const used = new Set<string>();
	const names = header.map(normalizeHeader);
	for (const [field, patterns] of Object.entries(HEADER_HINTS) as [
		keyof ContactColumns,
		RegExp[]
	][]) {
		for (const re of patterns) {
			const i = names.findIndex((n, j) => re.test(n) && !used.has(header[j]));
			if (i >= 0) {
				out[field] = header[i];
				used.add(header[i]);
				break;
			}
		}
	}
	for (const [field, test] of Object.entries(VALUE_HINTS) as [
		keyof ContactColumns,
		(v: string) => boolean
	][]) {
		if (out[field] || !rows.length) continue;
		const i = header.findIndex((h, j) => !used.has(h) && shareOf(rows, j, test) >= 0.8);
		if (i >= 0) {
			out[field] = header[i];
			used.add(header[i]);
		}
	}
	return out;
}
