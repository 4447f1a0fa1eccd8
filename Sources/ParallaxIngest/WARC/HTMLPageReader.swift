/// Turns one archived HTML page into an ``Article`` (or an issue saying why it is not one).
///
/// ``WARCReader`` finds the pages; a page reader decides what their title, date, byline and main text are. Inject
/// another reader here; ``HTMLArticleBuilder`` (main text, metadata, then the assembly every format shares) is the
/// default.
public protocol HTMLPageReader: Sendable {
    /// The article in `page`, or an `.issue` naming `page.source` when it holds none.
    func read(_ page: HTMLPage) -> IngestEvent
}
