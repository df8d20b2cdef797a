import type { Msg } from '../../lib/msg.ts';

/** The import dialog's contact-list side: the file's role, the column mapper and its checks. */
export const messages: Record<string, Msg> = {
	'contacts.dialog.title': { en: 'Import a campaign contact list', zh: '导入营销触达名单' },
	'contacts.dialog.role': { en: 'This file is', zh: '这个文件是' },
	'contacts.dialog.role.orders': { en: 'Orders', zh: '订单' },
	'contacts.dialog.role.contacts': { en: 'A campaign contact list', zh: '营销触达名单' },
	'contacts.dialog.detected': { en: 'detected', zh: '自动识别' },
	'contacts.dialog.mapper': { en: 'Contact list columns', zh: '名单列映射' },
	'contacts.dialog.mapper-hint': {
		en: 'Who was contacted (or held out as control), when, in which campaign. Only the customer id is required.',
		zh: '谁被触达（或被留作对照组）、何时、属于哪个活动。只有客户编号是必填项。'
	},
	'contacts.dialog.remembered': {
		en: 'Columns as you mapped them for this layout last time.',
		zh: '沿用上次为此表头设置的列映射。'
	},
	'contacts.field.customerId': { en: 'Customer id', zh: '客户编号' },
	'contacts.field.group': { en: 'Group (contacted / control)', zh: '分组（触达 / 对照）' },
	'contacts.field.sendTime': { en: 'Send time', zh: '发送时间' },
	'contacts.field.campaignId': { en: 'Campaign', zh: '活动' },
	'contacts.field.wave': { en: 'Wave', zh: '波次' },
	'contacts.field.channel': { en: 'Channel', zh: '渠道' },
	'contacts.field.cost': { en: 'Cost per contact', zh: '单次触达成本' },
	'contacts.dialog.not-in-file': { en: '— not in this file —', zh: '— 文件中没有 —' },
	'contacts.dialog.all-contacted': {
		en: 'No group column: every row counts as contacted.',
		zh: '没有分组列：所有行都算作已触达。'
	},
	'contacts.dialog.sent-on': { en: 'Sent on (every row)', zh: '发送日期（所有行）' },
	'contacts.dialog.campaign-all': { en: 'Campaign (every row)', zh: '活动名称（所有行）' },
	'contacts.dialog.wave-default': { en: 'Every row is wave 1.', zh: '所有行均为第 1 波。' },
	'contacts.dialog.groups': {
		en: 'How the group values in the first rows are read',
		zh: '前几行的分组值如何解读'
	},
	'contacts.dialog.group.contacted': { en: 'contacted', zh: '触达组' },
	'contacts.dialog.group.control': { en: 'control', zh: '对照组' },
	'contacts.dialog.group.unknown': {
		en: 'not recognised — skipped and reported',
		zh: '无法识别 — 跳过并提示'
	},
	'contacts.dialog.group.empty': { en: '(empty)', zh: '（空）' },
	'contacts.dialog.groups-known': {
		en: 'Read as control: {control}. As contacted: {contacted}. Empty cells are contacted; any other value is skipped and reported.',
		zh: '算作对照组：{control}。算作触达组：{contacted}。空白单元格算作触达组；其他值将被跳过并提示。'
	},
	'campaigns.mapping.no-customer': {
		en: 'Choose the customer id column: without it the list cannot be matched to the orders.',
		zh: '请选择客户编号列：没有它，名单无法与订单匹配。'
	},
	'campaigns.mapping.unknown-column': {
		en: 'A mapped column is not in this file. Choose it again from the list.',
		zh: '映射的列不在这个文件中，请在列表中重新选择。'
	},
	'campaigns.mapping.no-send-time': {
		en: 'Choose the send-time column, or enter the date every row was sent on.',
		zh: '请选择发送时间列，或填写所有行的发送日期。'
	}
};
