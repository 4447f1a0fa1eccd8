/// A date expression found by `TemporalExpressionParser`, with the calendar day it resolves to.
public struct ResolvedDateMention: Sendable, Hashable, Codable {
    /// The expression, its span and sentence, and the anchor used (if any).
    public var mention: DateMention
    /// The day the expression names.
    public var day: Day

    public init(mention: DateMention, day: Day) {
        self.mention = mention
        self.day = day
    }
}
