import type { Random } from './random.js'

/** Names from one naming tradition, so a generated name reads as a plausible person. */
interface NameTradition {
  readonly given: readonly string[]
  /** Empty where a single name is usual, or where family names change with gender. */
  readonly family: readonly string[]
  /** Family name first, as in Chinese, Japanese, Korean and Vietnamese. */
  readonly familyFirst?: boolean
  /** @default ' ' */
  readonly separator?: string
}

/**
 * A small, deliberately varied list: accents, Cyrillic, Greek, right-to-left Arabic and Hebrew,
 * Devanagari, Tamil, Thai, CJK without spaces, and a few very long names, so UIs meet truncation,
 * bidi text and wide glyphs in every demo.
 */
const TRADITIONS: readonly NameTradition[] = [
  {
    given: ['Ada', 'Grace', 'Oliver', 'Amelia', 'Noah', 'Isla'],
    family: ['Turner', 'Walker', 'Hughes', 'Bennett'],
  },
  { given: ['Amélie', 'Théo', 'Chloé', 'Jérôme'], family: ['Lefèvre', 'Moreau', 'Dubois', 'Garnier'] },
  { given: ['Jürgen', 'Lena', 'Jonas', 'Käthe'], family: ['Schröder', 'Weiß', 'Müller', 'Hoffmann'] },
  {
    given: ['José', 'Lucía', 'Mateo', 'Ximena'],
    family: ['García', 'Núñez', 'Fernández de la Vega', 'Ortiz'],
  },
  { given: ['João', 'Inês', 'Thiago', 'Conceição'], family: ['Gonçalves', 'Araújo', 'Magalhães'] },
  { given: ['Małgorzata', 'Przemysław', 'Zofia'], family: [] },
  { given: ['Çağrı', 'Gülşen', 'Barış', 'Şule'], family: ['Yılmaz', 'Şahin', 'Öztürk'] },
  { given: ['Олена', 'Тарас', 'Богдана', 'Андрій'], family: ['Шевченко', 'Коваленко', 'Бондаренко'] },
  { given: ['Ελένη', 'Γιώργος', 'Δήμητρα', 'Νίκος'], family: [] },
  { given: ['فاطمة', 'محمد', 'ليلى', 'يوسف'], family: ['الحسيني', 'العتيبي', 'عبد الرحمن'] },
  { given: ['נועה', 'איתי', 'מאיה', 'יונתן'], family: ['כהן', 'לוי', 'מזרחי'] },
  { given: ['प्रिया', 'अर्जुन', 'अनन्या', 'रोहन'], family: ['शर्मा', 'वर्मा', 'गुप्ता'] },
  { given: ['கவிதா', 'அருண்', 'மீனா'], family: [] },
  { given: ['สมชาย', 'ปราณี', 'วิภา'], family: ['ใจดี', 'ศรีสุข'] },
  {
    given: ['芳', '伟', '静怡', '子涵'],
    family: ['王', '李', '张', '欧阳'],
    familyFirst: true,
    separator: '',
  },
  {
    given: ['結衣', '蓮', '陽翔', 'さくら'],
    family: ['佐藤', '田中', '高橋'],
    familyFirst: true,
    separator: '',
  },
  { given: ['민준', '서연', '지우'], family: ['김', '이', '박'], familyFirst: true, separator: '' },
  { given: ['Thị Thu Hà', 'Văn Anh', 'Minh Khôi'], family: ['Nguyễn', 'Trần', 'Phạm'], familyFirst: true },
  { given: ['Adébáyọ̀', 'Chiamaka', 'Olúwaseun'], family: ['Okonkwo', 'Adeyemi', 'Nwachukwu'] },
  {
    given: ['Pablo Diego José Francisco de Paula', 'Maximiliana Alexandrina', 'Wolfgang Amadeus Theophilus'],
    family: [
      'Wolfeschlegelsteinhausenbergerdorff',
      'Brzęczyszczykiewicz',
      'de la Santísima Trinidad Ruiz y Picasso',
    ],
  },
]

/** A full name for a simulated user: from `names` when given, else from the built-in traditions. */
export function randomName(random: Random, names: readonly string[] | undefined): string {
  if (names !== undefined && names.length > 0) return random.pick(names)
  const tradition = random.pick(TRADITIONS)
  const given = random.pick(tradition.given)
  if (tradition.family.length === 0) return given
  const family = random.pick(tradition.family)
  const separator = tradition.separator ?? ' '
  return tradition.familyFirst === true ? `${family}${separator}${given}` : `${given}${separator}${family}`
}
