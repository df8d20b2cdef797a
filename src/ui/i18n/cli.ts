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
	'cli.out-of-memory': {
		en: 'DuckDB ran out of the memory it was given. Give it more with --memory-limit (e.g. --memory-limit 8GB, up to about 80% of the machine), and a --temp-dir on a disk with room for what it spills (a few times the size of the file).',
		zh: 'DuckDB 用完了分配给它的内存。请用 --memory-limit 调高上限（例如 --memory-limit 8GB，最多约为本机内存的 80%），并用 --temp-dir 指定一个空间充足的磁盘目录存放溢出的数据（约为文件大小的几倍）。'
	},
	'cli.bad-notebook': {
		en: 'The notebook is neither a built-in one nor a notebook file huitou exported.',
		zh: '该笔记本既不是内置笔记本，也不是 huitou 导出的笔记本文件。'
	}
};
