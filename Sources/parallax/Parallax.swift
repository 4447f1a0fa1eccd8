import ArgumentParser

/// The `parallax` command-line tool.
@main
struct Parallax: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "Compare how news outlets covered the same event.",
        subcommands: [
            AnalyzeCommand.self, IngestCommand.self, StoriesCommand.self, StoryCommand.self, ArticlesCommand.self,
            SearchCommand.self, ExportCommand.self, StatsCommand.self, ExtractCommand.self, ServeCommand.self,
        ]
    )
}
