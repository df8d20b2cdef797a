import type { Msg } from '../../lib/msg.ts';

/** Words the charts add of their own: legend entries of the lines picked out of many. */
export const messages: Record<string, Msg> = {
	'chart.latest': { en: 'Latest', zh: '最新' },
	'chart.best': { en: 'Best', zh: '最佳' },
	'chart.average': { en: 'Average of all', zh: '全部平均' },
	'chart.others': { en: 'Others', zh: '其他' }
};
