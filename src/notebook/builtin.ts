/**
 * Notebooks that ship with the page and open on whatever data is loaded. Cells name analyses by
 * id (src/analyses/<id>); `params: {}` means the analysis's defaults. Editing a built-in saves a
 * copy under a new id, so the originals stay as shipped.
 */
import type { Globals } from '../analyses/types.ts';
import type { Msg } from '../lib/msg.ts';
import { analyses } from '../analyses/registry.ts';
import { createNotebook, type Cell, type Notebook } from './schema.ts';

interface BuiltinSpec {
	id: string;
	title: Msg;
	intro: Msg;
	cells: { analysis: string; name?: string }[];
}

const SPECS: BuiltinSpec[] = [
	{
		id: 'builtin-store-health',
		title: { en: 'Store health', zh: '店铺健康度' },
		intro: {
			en: '## Store health\n\nHow the store is doing at the as-of date: revenue, orders and customers; how many customers come back and how soon; where customers are in their lifecycle (new, active, dormant, churned); and when they like to buy, to time your messages.',
			zh: '## 店铺健康度\n\n截至分析日期的店铺概况：收入、订单数和顾客数；有多少顾客复购、多久复购；顾客处于生命周期的哪个阶段（新客、活跃、休眠、流失）；以及顾客偏好的下单时间，便于安排触达时机。'
		},
		cells: [
			{ analysis: 'overview' },
			{ analysis: 'repurchase' },
			{ analysis: 'lifecycle', name: 'lifecycle' },
			{ analysis: 'timeprefs' }
		]
	},
	{
		id: 'builtin-rfm-playbook',
		title: { en: 'RFM playbook', zh: 'RFM 运营手册' },
		intro: {
			en: '## RFM playbook\n\nScore every customer on recency, frequency and money, group them into named segments with rules you can edit, see member tiers by cumulative spend, test what lifting the repeat rate of a group would be worth, and estimate who is likely to buy again.',
			zh: '## RFM 运营手册\n\n按最近购买（R）、购买频次（F）和消费金额（M）为每位顾客打分，用可编辑的规则划分命名分群；按累计消费查看会员等级；模拟提升某一群体复购率的收益；并预估哪些顾客可能再次购买。'
		},
		cells: [
			{ analysis: 'rfm', name: 'rfm_segments' },
			{ analysis: 'tiers' },
			{ analysis: 'whatif' },
			{ analysis: 'predict' }
		]
	},
	{
		id: 'builtin-campaign-review',
		title: { en: 'Campaign review', zh: '营销活动复盘' },
		intro: {
			en: '## Campaign review\n\nDid the campaign pay? Response rate of contacted customers against the natural repurchase rate of the control group, uplift with its confidence interval, incremental revenue and ROI; then repurchase by acquisition channel, to see which channels bring customers who come back.',
			zh: '## 营销活动复盘\n\n活动是否值得？对比触达组的刺激响应率与对照组的自然复购率，给出提升幅度及其置信区间、增量收入和投入产出比；再按获客渠道查看复购情况，找出能带来回头客的渠道。'
		},
		// repurchase's defaults include the breakdown by first-order channel (query 'by-channel').
		cells: [{ analysis: 'campaigns' }, { analysis: 'repurchase' }]
	},
	{
		id: 'builtin-all',
		title: { en: 'All analyses', zh: '全部分析' },
		intro: {
			en: '## All analyses\n\nEvery analysis huitou offers, one cell each, on the data you loaded. Use the contents above to jump to one.',
			zh: '## 全部分析\n\nhuitou 提供的每一项分析，各占一个单元，基于你加载的数据。可用上方目录跳转。'
		},
		cells: analyses.map((a) => ({ analysis: a.id }))
	}
];

/** The notebook a newcomer sees first: a few cells, with every analysis one click away. */
export const FIRST_BUILTIN_ID = 'builtin-store-health';
export const ALL_ANALYSES_ID = 'builtin-all';

const BUILTIN_IDS: readonly string[] = SPECS.map((s) => s.id);

export const isBuiltinId = (id: string): boolean => BUILTIN_IDS.includes(id);

/** The built-in notebooks in `lang`, with the page's current global controls. */
export function createBuiltinNotebooks(globals: Globals, now: string, lang: keyof Msg): Notebook[] {
	return SPECS.map((spec) => createBuiltin(spec, globals, now, lang));
}

/** One built-in notebook by id, or undefined for an id that is not one. */
export function createBuiltinNotebook(
	id: string,
	globals: Globals,
	now: string,
	lang: keyof Msg
): Notebook | undefined {
	const spec = SPECS.find((s) => s.id === id);
	return spec && createBuiltin(spec, globals, now, lang);
}

function createBuiltin(spec: BuiltinSpec, globals: Globals, now: string, lang: keyof Msg) {
	const intro: Cell = { id: `${spec.id}-intro`, kind: 'markdown', text: spec.intro[lang] };
	const cells: Cell[] = spec.cells.map((c, i) => ({
		id: `${spec.id}-${i + 1}`,
		kind: 'preset',
		analysis: c.analysis,
		params: {},
		...(c.name ? { name: c.name } : {})
	}));
	return createNotebook({
		id: spec.id,
		title: spec.title[lang],
		now,
		globals,
		cells: [intro, ...cells]
	});
}
