import Foundation

/// The one place where a language's data is chosen for an article.
///
/// Every per-language data file (grammar, speech verbs, segmentation, dates, language detection) is a list of
/// entries keyed by a BCP 47 code. An article's language (from its metadata, else `LanguageDetector`) picks the
/// entry whose code equals it, else the entry of its primary subtag (`en-GB` -> `en`), else English.
public enum LanguageChoice {
    /// The language whose data is used when an article's language is unknown or has no data.
    public static let fallback = "en"

    /// The primary language subtag of a BCP 47 code, lowercased (`pt-BR` -> `pt`, `zh_Hant` -> `zh`).
    public static func primary(_ code: String) -> String {
        String(code.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// The entry for `language`: same code (case-insensitive), else same primary subtag, else the fallback's; nil
    /// when the fallback has no entry either.
    public static func choose<Entry>(_ language: String?, from entries: [Entry], code: (Entry) -> String) -> Entry? {
        if let language, !language.isEmpty {
            let wanted = language.lowercased().replacingOccurrences(of: "_", with: "-")
            if let exact = entries.first(where: { code($0).lowercased() == wanted }) { return exact }
            let primary = primary(language)
            if let match = entries.first(where: { self.primary(code($0)) == primary }) { return match }
        }
        return entries.first { code($0).lowercased() == fallback }
    }
}
