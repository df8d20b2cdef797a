/**
 * The invented shop behind the sample data: where its buyers live, what it sells, how its buyers
 * are named. Weights are rough shares of a national Tmall apparel shop's orders (coastal provinces
 * and big cities lead); they only need to look plausible in a chart.
 */

export interface Province {
	name: string;
	/** Romanised name, used by the Shopify layout. */
	en: string;
	weight: number;
	cities: readonly { name: string; en: string; weight: number }[];
}

const city = (name: string, en: string, weight: number) => ({ name, en, weight });

export const PROVINCES: readonly Province[] = [
	{
		name: '广东省',
		en: 'Guangdong',
		weight: 13,
		cities: [
			city('广州市', 'Guangzhou', 5),
			city('深圳市', 'Shenzhen', 5),
			city('东莞市', 'Dongguan', 2),
			city('佛山市', 'Foshan', 2)
		]
	},
	{
		name: '浙江省',
		en: 'Zhejiang',
		weight: 9,
		cities: [
			city('杭州市', 'Hangzhou', 5),
			city('宁波市', 'Ningbo', 2),
			city('温州市', 'Wenzhou', 2),
			city('金华市', 'Jinhua', 1)
		]
	},
	{
		name: '江苏省',
		en: 'Jiangsu',
		weight: 9,
		cities: [
			city('南京市', 'Nanjing', 4),
			city('苏州市', 'Suzhou', 4),
			city('无锡市', 'Wuxi', 2),
			city('常州市', 'Changzhou', 1)
		]
	},
	{ name: '上海市', en: 'Shanghai', weight: 6, cities: [city('上海市', 'Shanghai', 1)] },
	{ name: '北京市', en: 'Beijing', weight: 5, cities: [city('北京市', 'Beijing', 1)] },
	{
		name: '山东省',
		en: 'Shandong',
		weight: 6,
		cities: [
			city('济南市', 'Jinan', 3),
			city('青岛市', 'Qingdao', 3),
			city('烟台市', 'Yantai', 1),
			city('潍坊市', 'Weifang', 1)
		]
	},
	{
		name: '福建省',
		en: 'Fujian',
		weight: 4.5,
		cities: [
			city('福州市', 'Fuzhou', 3),
			city('厦门市', 'Xiamen', 3),
			city('泉州市', 'Quanzhou', 2)
		]
	},
	{
		name: '四川省',
		en: 'Sichuan',
		weight: 4.5,
		cities: [
			city('成都市', 'Chengdu', 6),
			city('绵阳市', 'Mianyang', 1),
			city('宜宾市', 'Yibin', 1)
		]
	},
	{
		name: '河南省',
		en: 'Henan',
		weight: 4.5,
		cities: [
			city('郑州市', 'Zhengzhou', 5),
			city('洛阳市', 'Luoyang', 2),
			city('新乡市', 'Xinxiang', 1)
		]
	},
	{
		name: '湖北省',
		en: 'Hubei',
		weight: 3.5,
		cities: [
			city('武汉市', 'Wuhan', 6),
			city('宜昌市', 'Yichang', 1),
			city('襄阳市', 'Xiangyang', 1)
		]
	},
	{
		name: '湖南省',
		en: 'Hunan',
		weight: 3,
		cities: [
			city('长沙市', 'Changsha', 5),
			city('株洲市', 'Zhuzhou', 1),
			city('岳阳市', 'Yueyang', 1)
		]
	},
	{
		name: '安徽省',
		en: 'Anhui',
		weight: 3,
		cities: [city('合肥市', 'Hefei', 5), city('芜湖市', 'Wuhu', 1), city('安庆市', 'Anqing', 1)]
	},
	{
		name: '河北省',
		en: 'Hebei',
		weight: 3.5,
		cities: [
			city('石家庄市', 'Shijiazhuang', 3),
			city('保定市', 'Baoding', 2),
			city('唐山市', 'Tangshan', 2),
			city('廊坊市', 'Langfang', 1)
		]
	},
	{
		name: '辽宁省',
		en: 'Liaoning',
		weight: 2.5,
		cities: [city('沈阳市', 'Shenyang', 3), city('大连市', 'Dalian', 3)]
	},
	{
		name: '陕西省',
		en: 'Shaanxi',
		weight: 2,
		cities: [city('西安市', "Xi'an", 6), city('咸阳市', 'Xianyang', 1)]
	},
	{ name: '重庆市', en: 'Chongqing', weight: 2, cities: [city('重庆市', 'Chongqing', 1)] },
	{
		name: '江西省',
		en: 'Jiangxi',
		weight: 2,
		cities: [
			city('南昌市', 'Nanchang', 4),
			city('赣州市', 'Ganzhou', 1),
			city('九江市', 'Jiujiang', 1)
		]
	},
	{
		name: '广西壮族自治区',
		en: 'Guangxi',
		weight: 2,
		cities: [
			city('南宁市', 'Nanning', 4),
			city('柳州市', 'Liuzhou', 1),
			city('桂林市', 'Guilin', 1)
		]
	},
	{ name: '天津市', en: 'Tianjin', weight: 1.5, cities: [city('天津市', 'Tianjin', 1)] },
	{
		name: '云南省',
		en: 'Yunnan',
		weight: 1.5,
		cities: [city('昆明市', 'Kunming', 5), city('大理白族自治州', 'Dali', 1)]
	},
	{
		name: '山西省',
		en: 'Shanxi',
		weight: 1.5,
		cities: [city('太原市', 'Taiyuan', 4), city('大同市', 'Datong', 1)]
	},
	{
		name: '黑龙江省',
		en: 'Heilongjiang',
		weight: 1.5,
		cities: [city('哈尔滨市', 'Harbin', 4), city('大庆市', 'Daqing', 1)]
	},
	{
		name: '吉林省',
		en: 'Jilin',
		weight: 1,
		cities: [city('长春市', 'Changchun', 4), city('吉林市', 'Jilin', 1)]
	},
	{
		name: '贵州省',
		en: 'Guizhou',
		weight: 1.2,
		cities: [city('贵阳市', 'Guiyang', 4), city('遵义市', 'Zunyi', 1)]
	},
	{
		name: '内蒙古自治区',
		en: 'Inner Mongolia',
		weight: 0.9,
		cities: [city('呼和浩特市', 'Hohhot', 2), city('包头市', 'Baotou', 1)]
	},
	{
		name: '新疆维吾尔自治区',
		en: 'Xinjiang',
		weight: 0.6,
		cities: [city('乌鲁木齐市', 'Urumqi', 1)]
	},
	{ name: '甘肃省', en: 'Gansu', weight: 0.7, cities: [city('兰州市', 'Lanzhou', 1)] },
	{
		name: '海南省',
		en: 'Hainan',
		weight: 0.6,
		cities: [city('海口市', 'Haikou', 2), city('三亚市', 'Sanya', 1)]
	},
	{ name: '宁夏回族自治区', en: 'Ningxia', weight: 0.3, cities: [city('银川市', 'Yinchuan', 1)] },
	{ name: '青海省', en: 'Qinghai', weight: 0.2, cities: [city('西宁市', 'Xining', 1)] },
	{ name: '西藏自治区', en: 'Tibet', weight: 0.1, cities: [city('拉萨市', 'Lhasa', 1)] }
];

/** Districts and streets only dress up the Taobao shipping address. */
export const DISTRICTS = ['城东区', '城西区', '高新区', '经济开发区', '新区', '中心区'];
export const STREETS = [
	'人民路',
	'建设路',
	'解放路',
	'中山路',
	'和平街',
	'文化路',
	'长江路',
	'幸福里'
];

export interface Category {
	name: string;
	/** Relative demand by month (index 0 = January): coats sell in winter, dresses in summer. */
	season: readonly number[];
	products: readonly { stem: string; price: number }[];
}

const WARM = [1.8, 1.4, 0.9, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 1.9, 2.1];
const COOL = [0.4, 0.5, 0.9, 1.3, 1.6, 1.8, 1.8, 1.5, 1.1, 0.7, 0.4, 0.4];
const MILD = [1, 1, 1.1, 1.2, 1.1, 1, 0.9, 0.9, 1.1, 1.2, 1, 0.9];
const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

export const CATEGORIES: readonly Category[] = [
	{
		name: '连衣裙',
		season: COOL,
		products: [
			{ stem: '法式碎花连衣裙女收腰显瘦气质长裙', price: 79 },
			{ stem: '小黑裙赫本风通勤连衣裙', price: 99 },
			{ stem: '针织吊带连衣裙内搭打底', price: 49 },
			{ stem: '雪纺印花度假风沙滩裙', price: 69 },
			{ stem: '新中式改良旗袍连衣裙', price: 129 },
			{ stem: '衬衫式系带连衣裙', price: 89 },
			{ stem: '方领泡泡袖公主裙', price: 69 },
			{ stem: '醋酸缎面礼服裙', price: 169 }
		]
	},
	{
		name: 'T恤',
		season: COOL,
		products: [
			{ stem: '纯棉圆领短袖T恤女宽松百搭', price: 29 },
			{ stem: '重磅新疆棉基础款白T', price: 39 },
			{ stem: '印花字母短袖上衣', price: 29 },
			{ stem: '修身短款露脐T恤', price: 19 },
			{ stem: '冰丝长袖防晒T恤', price: 39 },
			{ stem: '条纹海魂衫', price: 29 },
			{ stem: '莫代尔打底衫', price: 19 }
		]
	},
	{
		name: '衬衫',
		season: MILD,
		products: [
			{ stem: '真丝质感长袖衬衫女职业', price: 69 },
			{ stem: '牛津纺白衬衫宽松', price: 49 },
			{ stem: '蕾丝花边娃娃领衬衫', price: 59 },
			{ stem: '天丝防晒衬衫外搭', price: 59 },
			{ stem: '条纹落肩衬衫', price: 49 },
			{ stem: '棉麻复古盘扣上衣', price: 69 }
		]
	},
	{
		name: '针织衫',
		season: WARM,
		products: [
			{ stem: '羊毛混纺圆领毛衣女', price: 99 },
			{ stem: '软糯马海毛开衫', price: 109 },
			{ stem: '高领打底针织衫', price: 39 },
			{ stem: '麻花纹慵懒风毛衣', price: 89 },
			{ stem: '薄款冰丝针织开衫', price: 49 },
			{ stem: '羊绒衫100%山羊绒', price: 249 },
			{ stem: 'V领短款针织背心', price: 39 }
		]
	},
	{
		name: '外套',
		season: WARM,
		products: [
			{ stem: '双面呢大衣女中长款', price: 299 },
			{ stem: '白鸭绒轻薄羽绒服', price: 199 },
			{ stem: '经典卡其风衣', price: 189 },
			{ stem: '短款牛仔夹克', price: 99 },
			{ stem: '小香风粗花呢外套', price: 149 },
			{ stem: '西装外套女休闲', price: 129 },
			{ stem: '摇粒绒立领外套', price: 79 }
		]
	},
	{
		name: '裤装',
		season: MILD,
		products: [
			{ stem: '高腰阔腿牛仔裤女显瘦', price: 69 },
			{ stem: '垂感西装裤九分', price: 59 },
			{ stem: '冰丝阔腿休闲裤', price: 49 },
			{ stem: '加绒直筒牛仔裤', price: 79 },
			{ stem: '运动卫裤束脚', price: 39 },
			{ stem: '鲨鱼裤打底裤', price: 29 },
			{ stem: '工装裤多口袋', price: 59 }
		]
	},
	{
		name: '半身裙',
		season: COOL,
		products: [
			{ stem: '百褶半身裙中长款', price: 49 },
			{ stem: '牛仔半身裙A字', price: 49 },
			{ stem: '缎面鱼尾半身裙', price: 69 },
			{ stem: '格纹毛呢短裙', price: 59 },
			{ stem: '开衩包臀裙', price: 39 },
			{ stem: '网纱蛋糕裙', price: 59 }
		]
	},
	{
		name: '配饰',
		season: FLAT,
		products: [
			{ stem: '真丝小方巾丝巾', price: 29 },
			{ stem: '羊毛围巾女冬季', price: 49 },
			{ stem: '珍珠发夹套装', price: 19 },
			{ stem: '头层牛皮腰带', price: 39 },
			{ stem: '中筒棉袜5双装', price: 19 },
			{ stem: '帆布托特包', price: 29 },
			{ stem: '渔夫帽防晒', price: 19 },
			{ stem: '针织手套触屏', price: 19 }
		]
	}
];

/**
 * Deep-discount items offered on Juhuasuan (聚划算) flash-deal days: they bring many first orders
 * at a low price and few of those buyers come back (DOMAIN.md, seed 003: repeat 2.7%, AOV 57).
 */
export const FLASH_DEALS: readonly { category: number; product: number; price: number }[] = [
	{ category: 1, product: 1, price: 35 },
	{ category: 5, product: 2, price: 49 },
	{ category: 3, product: 2, price: 45 },
	{ category: 7, product: 1, price: 39 },
	{ category: 0, product: 2, price: 55 }
];

export const SURNAMES =
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN =
	'秀英敏静丽芳娜婷雪慧琳颖洁玲晶燕霞红梅兰欣怡佳悦雨萱涵琪晨瑶璐薇倩雯婕妍楠蕾露菲妮思诗梦月心语嘉宁安然晓文丹杰伟磊强军';
export const NICKS = [
	'小鱼儿',
	'momo',
	'橘子汽水',
	'阿狸',
	'sunny',
	'糖糖',
	'lucky',
	'木子',
	'七七',
	'cherry',
	'小葵',
	'奶茶',
	'yoyo',
	'西西',
	'柠檬'
];
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];
export const PHONE_PREFIXES = [
	'138',
	'139',
	'137',
	'136',
	'135',
	'150',
	'151',
	'152',
	'158',
	'159',
	'186',
	'187',
	'188',
	'189',
	'133',
	'153',
	'180',
	'181',
	'177',
	'173',
	'199'
];

/** Buyer messages (买家留言); a few carry commas, quotes and a line break, as real ones do. */
export const BUYER_NOTES = [
	'请尽快发货，谢谢',
	'发顺丰可以吗？可以补差价',
	'不要放发票',
	'颜色要"米白"的，别发错',
	'送人的，麻烦不要放价格标签',
	'周末再送到\n工作日家里没人',
	'尺码偏小的话帮忙换大一码',
	'包装好一点,谢谢亲'
];
