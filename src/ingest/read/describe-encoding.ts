import type { Msg } from '../../lib/msg.ts';
import type { EncodingName } from './types.ts';

const labels: Record<EncodingName, Msg> = {
	'utf-8': { en: 'UTF-8', zh: 'UTF-8' },
	gb18030: { en: 'Chinese GBK / GB18030', zh: '简体中文 GBK / GB18030' },
	big5: { en: 'Traditional Chinese Big5 (Hong Kong, Taiwan)', zh: '繁体中文 Big5（香港、台湾）' },
	'utf-16le': {
		en: 'UTF-16 (little-endian, Excel “Unicode text”)',
		zh: 'UTF-16（小端，Excel“Unicode 文本”）'
	},
	'utf-16be': { en: 'UTF-16 (big-endian)', zh: 'UTF-16（大端）' },
	'windows-1252': { en: 'Western (Windows-1252 / Latin-1)', zh: '西欧（Windows-1252 / Latin-1）' }
};

/** A label for an encoding, for the preview's encoding picker. */
export function describeEncoding(encoding: EncodingName): Msg {
	return labels[encoding];
}

/** Every encoding the reader can decode, in the order a picker should list them. */
export const ENCODINGS = Object.keys(labels) as EncodingName[];
