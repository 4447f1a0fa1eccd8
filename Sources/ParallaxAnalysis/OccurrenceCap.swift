/// How many occurrences of one finding a story's comparison keeps per article: a name form, a stance-marked phrase,
/// a date, a cited source. Each occurrence carries its sentence in every report, so an article that repeats one
/// name thousands of times (a run of "Kiev Kyiv ..." in one unbroken sentence) would make the comparison grow by
/// a sentence per mention; the first ones say which article uses what, and where.
enum OccurrenceCap {
    static let perArticle = 10
}

extension Array {
    /// At most ``OccurrenceCap/perArticle`` elements per key (the article, or the article and a source), in order;
    /// the first element of a key that satisfies `preferred` is kept even past the cap, so a property that one
    /// occurrence gives its article (a bare use of a phrase) survives.
    func cappedPerArticle<Key: Hashable>(key: (Element) -> Key, preferring preferred: (Element) -> Bool = { _ in false })
        -> [Element]
    {
        var kept: [Key: Int] = [:]
        var hasPreferred = Set<Key>()
        var out: [Element] = []
        out.reserveCapacity(Swift.min(count, 64))
        for element in self {
            let k = key(element)
            let isPreferred = preferred(element)
            let n = kept[k, default: 0]
            if n < OccurrenceCap.perArticle || (isPreferred && !hasPreferred.contains(k)) {
                out.append(element)
                kept[k] = n + 1
                if isPreferred { hasPreferred.insert(k) }
            }
        }
        return out
    }
}
