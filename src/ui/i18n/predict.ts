import type { Msg } from '../../lib/msg.ts';

/** Errors and warnings of the Predict cell: what went wrong, and what to do. */
export const messages: Record<string, Msg> = {
	'predict.no-customers': {
		en: 'No known customer has an order before the calibration end, so there is nothing to fit. Check the date range, the filters and the calibration end.',
		zh: '校准期截止日之前没有已知客户的订单，无法拟合。请检查日期范围、筛选条件和校准期截止日。'
	},
	'predict.no-repeat': {
		en: 'Every customer bought on a single day only, so the model cannot learn how often customers come back. Predictions need customers who bought again: load a longer history.',
		zh: '所有客户都只在一天内购买过，模型无法得知客户多久复购一次。预测需要有复购客户：请导入更长时间的订单。'
	},
	'predict.too-few-repeat': {
		en: 'Too few customers bought again to fit the model ({detail}). Load a longer history or remove filters; the model needs at least 100 repeat customers to be reliable.',
		zh: '复购客户太少，无法拟合模型（{detail}）。请导入更长时间的订单或去掉筛选；模型至少需要 100 位复购客户才可靠。'
	},
	'predict.identical': {
		en: 'All customers have the same purchase history, so the model cannot tell them apart. This usually means test data or a filter that leaves one pattern.',
		zh: '所有客户的购买记录完全相同，模型无法区分他们。这通常意味着测试数据，或筛选后只剩一种模式。'
	},
	'predict.no-spend': {
		en: 'No repeat customer has an order value above 0, so the spend model cannot be fitted. Check the amount column and the net/gross setting.',
		zh: '没有复购客户的订单金额大于 0，无法拟合金额模型。请检查金额列以及净收入/总收入设置。'
	},
	'predict.too-few-spend': {
		en: 'Too few repeat customers have an order value above 0 to fit the spend model ({detail}). Check the amount column.',
		zh: '订单金额大于 0 的复购客户太少，无法拟合金额模型（{detail}）。请检查金额列。'
	},
	'predict.spend-constant': {
		en: 'Every repeat customer spends exactly the same per order ({detail}), so there is nothing for the spend model to learn: expected value per order is that amount.',
		zh: '每位复购客户每单金额完全相同（{detail}），金额模型无可学习：每单预期金额就是该金额。'
	},
	'predict.spend-unbounded': {
		en: 'The spend model fitted an average order value without limit ({detail}): a few very large orders dominate. Check for outliers or wrong amounts (e.g. cents read as yuan).',
		zh: '金额模型拟合出无上限的平均客单价（{detail}）：少数超大订单主导了结果。请检查异常值或金额错误（例如把分当成元）。'
	},
	'predict.fit-failed': {
		en: 'The model fit did not converge ({detail}), so no predictions are shown. Try the other time unit, a longer history, or fewer filters.',
		zh: '模型拟合未收敛（{detail}），因此不显示预测。请尝试另一种时间单位、更长的历史或更少的筛选。'
	},
	'predict.cancelled': { en: 'The prediction was cancelled.', zh: '预测已取消。' },
	'predict.worker': {
		en: 'The background fit stopped unexpectedly ({detail}). Run the cell again; if it repeats, reload the page.',
		zh: '后台拟合意外中止（{detail}）。请重新运行；若再次出现，请刷新页面。'
	},
	'predict.calibration-end': {
		en: 'The calibration end must be a day before the as-of date ({detail}): it is the last day of the calibration period. Choose an earlier day, or leave it empty.',
		zh: '校准期截止日必须早于截止日期（{detail}）：它是校准期的最后一天。请选择更早的日期，或留空。'
	},
	'predict.params': {
		en: 'A setting is out of range ({detail}).',
		zh: '某个设置超出范围（{detail}）。'
	},
	'predict.warn.few-repeat': {
		en: 'Only {count} repeat customers: estimates are rough. Treat the numbers as a sketch.',
		zh: '仅有 {count} 位复购客户：估计较粗略，数字仅供参考。'
	},
	'predict.warn.short-history': {
		en: 'The history ({historyDays} days) is shorter than three typical gaps between purchases ({cycleDays} days each). The model cannot yet see who has left: wait for a longer history before trusting P(alive) and CLV.',
		zh: '历史（{historyDays} 天）短于三个典型购买间隔（每个 {cycleDays} 天）。模型还看不出谁已流失：请等历史更长后再相信存活概率和 CLV。'
	},
	'predict.warn.correlation': {
		en: 'Order value and purchase frequency are correlated (r = {r}); the spend model assumes they are not, so expected spend and CLV may be biased.',
		zh: '客单价与购买频次相关（r = {r}）；金额模型假设二者无关，预期金额和 CLV 可能有偏差。'
	},
	'predict.warn.boundary': {
		en: 'The {model} fit pushed a parameter to the edge of its range: the data cannot pin it down. Predictions may still be usable; standard errors are not shown.',
		zh: '{model} 拟合把某个参数推到了取值范围边缘：数据无法确定它。预测或仍可用，但不显示标准误。'
	},
	'predict.warn.no-se': {
		en: 'Standard errors could not be computed for {model}: the likelihood is flat in some direction. Treat the parameters with care.',
		zh: '无法计算 {model} 的标准误：似然函数在某个方向上是平的。请谨慎看待参数。'
	},
	'predict.warn.spend-excluded': {
		en: '{count} repeat customers whose average order value is 0 or less were left out of the spend model.',
		zh: '{count} 位平均客单价不大于 0 的复购客户未纳入金额模型。'
	},
	'predict.ui.run': { en: 'Fit the models and score customers', zh: '拟合模型并为客户评分' },
	'predict.ui.running': { en: 'Fitting…', zh: '正在拟合…' },
	'predict.ui.bgnbd': { en: 'Purchases (BG/NBD)', zh: '购买模型（BG/NBD）' },
	'predict.ui.gamma-gamma': { en: 'Spend (Gamma-Gamma)', zh: '金额模型（Gamma-Gamma）' },
	'predict.ui.parameter': { en: 'Parameter', zh: '参数' },
	'predict.ui.estimate': { en: 'Estimate', zh: '估计值' },
	'predict.ui.se': { en: 'Std. error', zh: '标准误' },
	'predict.ui.r': {
		en: 'Shape of purchase rates across customers',
		zh: '客户购买速率分布的形状参数'
	},
	'predict.ui.alpha': {
		en: 'Scale of purchase rates (mean rate = r/α per unit)',
		zh: '购买速率的尺度参数（平均速率 = r/α 每单位时间）'
	},
	'predict.ui.a': {
		en: 'Dropout: beta parameter a (mean dropout after a purchase = a/(a+b))',
		zh: '流失：贝塔参数 a（每次购买后平均流失概率 = a/（a+b））'
	},
	'predict.ui.b': { en: 'Dropout: beta parameter b', zh: '流失：贝塔参数 b' },
	'predict.ui.p': {
		en: 'Shape of order values within a customer',
		zh: '单个客户订单金额的形状参数'
	},
	'predict.ui.q': {
		en: 'Shape of average order values across customers',
		zh: '客户间平均客单价的形状参数'
	},
	'predict.ui.gamma': { en: 'Scale of average order values', zh: '平均客单价的尺度参数' },
	'predict.ui.unit': { en: 'Time unit', zh: '时间单位' },
	'predict.ui.unit-weeks': { en: 'weeks', zh: '周' },
	'predict.ui.unit-days': { en: 'days', zh: '天' },
	'predict.ui.calibration-window': {
		en: 'Calibration period (both days included)',
		zh: '校准期（含首尾两天）'
	},
	'predict.ui.holdout-days': { en: 'Holdout days', zh: '留出期天数' },
	'predict.ui.customers': { en: 'Customers fitted', zh: '参与拟合的客户' },
	'predict.ui.repeat-customers': { en: 'Repeat customers', zh: '复购客户' },
	'predict.ui.repeat-purchases': {
		en: 'Repeat purchase days fitted',
		zh: '参与拟合的复购天次'
	},
	'predict.ui.loglik-bgnbd': { en: 'Log-likelihood (BG/NBD)', zh: '对数似然（BG/NBD）' },
	'predict.ui.spend-customers': { en: 'Customers in the spend model', zh: '参与金额模型的客户' },
	'predict.ui.loglik-gg': { en: 'Log-likelihood (Gamma-Gamma)', zh: '对数似然（Gamma-Gamma）' },
	'predict.ui.correlation': {
		en: 'Correlation of frequency and order value',
		zh: '购买频次与客单价的相关系数'
	},
	'predict.ui.scored': { en: 'Customers scored', zh: '已评分客户' }
};
