import ArgumentParser
import Foundation
import ParallaxIngest

/// Options shared by the commands that read articles.
struct InputOptions: ParsableArguments {
    @Option(help: "Read every input as this format instead of detecting it: text, jsonl, html, feed or warc.")
    var inputFormat: InputFormat?

    @Option(help: "A JSON file of extra outlets (same format as the bundled registry) added to the registry.")
    var outlets: String?

    /// The bundled outlet registry plus the user's file (a missing or malformed file: exit status 1).
    func registry() throws(CommandLineError) -> OutletRegistry {
        do { return try OutletRegistry.load(extraFile: outlets) } catch {
            throw CommandLineError(path: error.path, problem: "cannot load the outlets file: \(error.message)")
        }
    }

    /// An ingestor for every input format, resolving outlets through `registry`; JSON Lines files are assembled on
    /// `jobs` threads.
    func ingestor(registry: OutletRegistry, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> Ingestor {
        var readers = Ingestor.allReaders(registry: registry)
        if var jsonl = readers[.jsonl] as? JSONLinesReader {
            jsonl.concurrency = max(1, jobs)
            readers[.jsonl] = jsonl
        }
        return Ingestor(readers: readers, format: inputFormat)
    }
}

extension InputOptions {
    /// The articles of `paths` as they are read; each skipped input is warned about on standard error and handed
    /// to `onIssue`.
    func articles(
        _ paths: [String], registry: OutletRegistry, jobs: Int, console: Console,
        onIssue: @escaping (IngestIssue) -> Void
    ) -> AsyncCompactMapSequence<IngestEvents, Article> {
        ingestor(registry: registry, jobs: jobs).events(paths: paths, jobs: jobs).compactMap { event -> Article? in
            switch event {
            // A record without text (an HTML page's metadata, its issue reported) has nothing to analyze.
            case .article(let article): return article.text.isEmpty ? nil : article
            case .issue(let issue):
                onIssue(issue)
                console.warn(issue.description)
                return nil
            }
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
