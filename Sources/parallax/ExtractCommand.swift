import ArgumentParser

/// `parallax extract`: read inputs and print the extracted articles (text and metadata), one JSON object a line.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Extract articles (main text and metadata) from inputs.")

    @Argument(help: "Files, directories (read recursively) or - for standard input.")
    var paths: [String] = []

    func run() async throws {
        throw ValidationError("extract is being built")
    }
}
