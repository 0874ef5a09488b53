/**
 * Names for the demo's simulated crowd, one per user number, so a crowd of 100,000 reads as
 * different people: neighbours always come from different traditions (no runs of one name, however
 * the list sorts), and within a tradition given × family × middle covers about 100,000 names
 * before any repeats.
 */
interface Tradition {
  readonly given: readonly string[]
  readonly family: readonly string[]
  /** Middle initials or second given names, used once given × family is spent. */
  readonly middle: readonly string[]
  /** Family name first, with no space, as in Chinese. */
  readonly familyFirst?: boolean
}

const LATIN_INITIALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => `${letter}.`)

const TRADITIONS: readonly Tradition[] = [
  {
    given:
      'Ada Grace Oliver Amelia Noah Isla Harriet Edmund Rosalind Alan Ivy Felix Maud Rupert Elsie Hugo Nell Toby Clara Jasper'.split(
        ' ',
      ),
    family:
      'Turner Walker Hughes Bennett Ashworth Pemberton Crane Whitlock Marsh Fairfax Holloway Quill Barrow Lindley Ashby Thorne Calloway Brightwell Fenwick Sutton'.split(
        ' ',
      ),
    middle: LATIN_INITIALS,
  },
  {
    given:
      'Amélie Théo Chloé Jérôme Léa Gaël Inès Noé Zoé Anaïs Hélène Loïc Maëlle Benoît Céline Rémi Agnès Yves Élodie Grégoire'.split(
        ' ',
      ),
    family:
      'Lefèvre Moreau Dubois Garnier Rousseau Fontaine Chevalier Mercier Blanchard Girard Lacroix Perrin Marchand Duval Brunet Leclerc Gauthier Roche Barbier Aubert'.split(
        ' ',
      ),
    middle: LATIN_INITIALS,
  },
  {
    given:
      'Jürgen Lena Jonas Käthe Lukas Mia Fynn Greta Matthias Ilse Henrik Frieda Anton Lotte Moritz Ida Konrad Wiebke Till Svenja'.split(
        ' ',
      ),
    family:
      'Schröder Weiß Müller Hoffmann Krüger Becker Wagner Köhler Fuchs Vogel Brandt Lorenz Seidel Böhm Hahn Franke Kühn Winkler Sauer Ludwig'.split(
        ' ',
      ),
    middle: LATIN_INITIALS,
  },
  {
    given:
      'José Lucía Mateo Ximena Sofía Andrés Valentina Diego Camila Joaquín Renata Tomás Paula Emilio Lola Ignacio Mariana Álvaro Julieta Rodrigo'.split(
        ' ',
      ),
    family:
      'García Núñez Fernández Ortiz Romero Castillo Delgado Herrera Medina Vargas Iglesias Suárez Molina Guerrero Cabrera Ramos Peña Aguilar Fuentes Cordero'.split(
        ' ',
      ),
    middle: LATIN_INITIALS,
  },
  {
    given:
      'Zofia Przemysław Małgorzata Kacper Agnieszka Łukasz Jadwiga Wojciech Bożena Mikołaj Halina Jędrzej Danuta Bartosz Ewelina Grzegorz Urszula Tadeusz Marzena Zbigniew'.split(
        ' ',
      ),
    family:
      'Nowak Kowalczyk Wiśniewska Wójcik Kamiński Lewandowska Zieliński Szymańska Woźniak Dąbrowski Kozłowska Jankowski Mazur Kwiatkowska Krawczyk Piotrowski Grabowska Pawłowski Michalska Król'.split(
        ' ',
      ),
    middle: LATIN_INITIALS,
  },
  {
    given:
      'Çağrı Gülşen Barış Şule Emre Elif Murat Zeynep Kerem Ayşe Onur Defne Serkan Ebru Tolga Merve Burak Deniz Oğuz Selin'.split(
        ' ',
      ),
    family:
      'Yılmaz Şahin Öztürk Kaya Demir Çelik Aydın Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özdemir Polat Erdoğan Güneş Aksoy'.split(
        ' ',
      ),
    middle: LATIN_INITIALS,
  },
  {
    given:
      'Олена Тарас Богдана Андрій Ірина Остап Соломія Дмитро Марта Юрій Оксана Павло Леся Роман Христина Василь Зоряна Максим Віра Степан'.split(
        ' ',
      ),
    family:
      'Шевченко Коваленко Бондаренко Ткаченко Кравченко Мельник Олійник Лисенко Руденко Савченко Павленко Гончар Марченко Клименко Литвин Кузьменко Поліщук Савчук Мороз Левченко'.split(
        ' ',
      ),
    middle: 'А. Б. В. Г. Д. Є. З. І. К. Л. М. Н. О. П. Р. С. Т. Ф. Х. Ю. Ж. Ш. Ч. Я. Е.'.split(' '),
  },
  {
    given:
      'فاطمة محمد ليلى يوسف مريم عمر سلمى خالد نور أحمد هدى سامي رنا طارق دينا كريم سارة زياد لينا حسن'.split(
        ' ',
      ),
    family:
      'الحسيني العتيبي الشمري القحطاني الزهراني المصري الخطيب الحداد النجار العلي السعدي الخوري البيطار الأنصاري الدوسري الجابري الكعبي الراشد الفارس المالكي'.split(
        ' ',
      ),
    middle:
      'عبد_الله إبراهيم صالح جمال رشيد ناصر فيصل منصور سعيد عادل نبيل وليد هشام ماجد بشير رامي أنور شريف حمزة باسم مراد جواد فؤاد عماد نزار'
        .split(' ')
        .map((name) => name.replace('_', ' ')),
  },
  {
    given:
      'נועה איתי מאיה יונתן תמר עומר שירה אורי יעל דניאל רוני אביב הילה גיל ליאור עדי נדב מיכל אלון טל'.split(
        ' ',
      ),
    family:
      'כהן לוי מזרחי פרץ ביטון אברהם פרידמן שפירא דהן אזולאי גולן ברק רוזן קפלן שלום עזרא חדד בן_דוד אוחיון גבאי'
        .split(' ')
        .map((name) => name.replace('_', ' ')),
    middle: 'א. ב. ג. ד. ה. ו. ז. ח. ט. י. כ. ל. מ. נ. ס. ע. פ. צ. ק. ר. ש. ת. א״ב. ג״ד. ה״ו.'.split(' '),
  },
  {
    given: '伟 芳 娜 敏 静 磊 洋 艳 勇 军 杰 娟 涛 明 超 霞 平 刚 桂英 秀兰'.split(' '),
    family: '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗'.split(' '),
    middle: '子 文 晓 建 海 春 玉 国 德 志 永 俊 思 嘉 雨 天 宇 若 佳 梓 浩 琳 欣 睿 安'.split(' '),
    familyFirst: true,
  },
]

/** The name of the crowd's `n`th user (1, 2, 3, …). */
export function crowdName(n: number): string {
  const index = Math.max(0, Math.floor(n) - 1)
  const tradition = TRADITIONS[index % TRADITIONS.length] as Tradition
  let k = Math.floor(index / TRADITIONS.length)
  const given = tradition.given[k % tradition.given.length] as string
  k = Math.floor(k / tradition.given.length)
  const family = tradition.family[k % tradition.family.length] as string
  k = Math.floor(k / tradition.family.length)
  const middle = k === 0 ? undefined : tradition.middle[(k - 1) % tradition.middle.length]
  if (tradition.familyFirst === true) return `${family}${middle ?? ''}${given}`
  return middle === undefined ? `${given} ${family}` : `${given} ${middle} ${family}`
}
