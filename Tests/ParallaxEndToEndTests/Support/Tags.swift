import Testing

extension Tag {
    /// Slow quality gates over the real evaluation data in `../shared/eval`; README.md ("Tests") gives the command
    /// that runs everything else.
    @Tag static var qualityGate: Self
}
