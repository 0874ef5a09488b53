// Names from many languages and scripts, a few right-to-left and a few very long, so that lists,
// avatars and typing sentences are exercised with what real rosters hold.
const FIRST = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Ken',
  'Radia',
  'Yukihiro',
  'Fatima',
  'Chen',
  'Amara',
  'Søren',
  'José',
  'Zoë',
  'Anaïs',
  'Dmitri',
  'Priya',
  'محمد',
  'נועה',
  '美咲',
  '민준',
  'Олександра',
  'Kwame',
  'Aroha',
  'Björk',
  'Nguyễn',
  'Ngozi',
] as const
const LAST = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Turing',
  'Johnson',
  'Dijkstra',
  'Liskov',
  'Thompson',
  'Perlman',
  'Matsumoto',
  'Al-Fihri',
  'Wei',
  'Okafor',
  'Kierkegaard',
  'García',
  'العلي',
  'לוי',
  '田中',
  '김',
  'Шевченко',
  'Mensah',
  'Ngata',
  'Guðmundsdóttir',
  'Wolfeschlegelsteinhausenbergerdorff',
  'van der Berg-Castellanos y Montenegro',
] as const

export function crowdName(index: number): string {
  return `${FIRST[index % FIRST.length]} ${LAST[(index * 7 + 3) % LAST.length]}`
}

/**
 * Mostly ordinary avatar URLs, and on purpose a few that are broken or unsafe, so every UI shows
 * its initials fallback and proves it never loads a `javascript:` URL.
 */
export function crowdAvatarUrl(index: number): string {
  if (index % 17 === 5) return 'javascript:alert(1)'
  if (index % 13 === 7) return 'https://avatars.presence-kit.dev/missing.png'
  return `https://avatars.presence-kit.dev/${index % 64}.png`
}
