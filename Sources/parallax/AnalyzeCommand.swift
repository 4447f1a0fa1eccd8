import ArgumentParser

/// `parallax analyze`: read articles, group them into stories and compare the outlets of each story.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze", abstract: "Group articles into stories and compare how outlets covered each.")

    @Argument(help: "Files, directories (read recursively) or - for standard input.")
    var paths: [String] = []

    func run() async throws {
        throw ValidationError("analyze is being built")
    }
}
