import { lang } from './lang';
import { labelIn, type Vocabulary } from './vocab';

export { lang, setLang, onLangChange, type Lang } from './lang';
export { codesOf, type Vocabulary } from './vocab';

/** The label of a code in the current language. */
export function label(vocabulary: Vocabulary, code: string | null | undefined): string {
    return labelIn(lang(), vocabulary, code);
}
