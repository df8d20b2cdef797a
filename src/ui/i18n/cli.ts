import type { Msg } from '../../lib/msg.ts';

/** Failures only the command line has: the page is never handed a path. */
export const messages: Record<string, Msg> = {
	'cli.missing-file': {
		en: 'There is no such file. Check the path and the spelling.',
		zh: '没有这个文件。请检查路径和拼写。'
	},
	'cli.bad-mapping': {
		en: 'The mapping file is not one huitou wrote or can read. Delete it to get a new suggestion, or fix it.',
		zh: '映射文件无法读取。删除后可重新生成建议映射，或修正该文件。'
	},
	'cli.mapping-suggested': {
		en: 'A suggested mapping was written next to the file. Check that each field names the right column, then run the same command again.',
		zh: '已在文件旁写入建议的映射。请检查每个字段对应的列是否正确，然后重新运行同一命令。'
	},
	'cli.bad-notebook': {
		en: 'The notebook is neither a built-in one nor a notebook file huitou exported.',
		zh: '该笔记本既不是内置笔记本，也不是 huitou 导出的笔记本文件。'
	}
};
