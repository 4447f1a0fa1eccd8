/// The JSON of one article, exactly as the reports write it (`docs/JSON.md`): `parallax extract` prints this, so
/// an extracted article and a report's article are the same object (every field, `null` for an absent one).
public enum ArticleJSON {
    /// `article` as one compact line of JSON, keys sorted, without a line feed.
    public static func line(_ article: Article) -> String {
        var out = ""
        JSONValue(article).write(to: &out)
        return out
    }
}
