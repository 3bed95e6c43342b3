import { createAddressResolver, type CommunityAddressBook } from '@domain/address';

/** A few thousand synthetic communities built from a small character pool (many shared bigrams: a hard case). */
function syntheticBooks(count: number): CommunityAddressBook[] {
  let seed = 20240601;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pool = Array.from('东西南北中新华安康和平阳光花园苑里桥河湖山林翠绿金银泉水明月星城乐福兴盛德仁义春秋石岭庄田家村府景馨雅丽嘉佳泰宁旺龙凤');
  const pick = () => pool[Math.floor(random() * pool.length)] ?? '东';
  const names = new Set<string>();
  const books: CommunityAddressBook[] = [];
  while (books.length < count) {
    let name = '';
    const length = 3 + Math.floor(random() * 2);
    for (let i = 0; i < length; i++) name += pick();
    if (names.has(name)) continue;
    names.add(name);
    books.push({
      communityId: `c${books.length}`,
      name: `${name}社区`,
      aliases: [name, `${name}小区`],
      streets: random() < 0.3 ? [{ name: `${name}路`, numbers: [[1, 50]] }] : undefined,
      city: '杭州',
      district: ['拱墅', '西湖', '上城'][books.length % 3],
      street: `${pick()}${pick()}街道`,
    });
  }
  return books;
}

test('3,000 communities: every exact alias with a building address is found', () => {
  const books = syntheticBooks(3000);
  const resolver = createAddressResolver(books);
  const queries = books.slice(0, 1000).map((book, i) => ({ id: book.communityId, text: `杭州市${book.district}区${book.aliases[0]}${(i % 30) + 1}号楼2单元${301 + (i % 5)}` }));
  const results = queries.map((q) => resolver.resolve(q.text));
  results.forEach((result, i) => {
    const ids = result.kind === 'match' ? [result.match.communityId] : result.kind === 'ambiguous' ? result.candidates.map((c) => c.communityId) : [];
    expect(ids).toContain(queries[i]?.id);
  });
  expect(results.filter((r) => r.kind === 'match').length).toBeGreaterThan(950);
});
