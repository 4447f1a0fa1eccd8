import Foundation

/// A file the command needs that cannot be used: a missing or malformed data file, an output that cannot be
/// written.
///
/// Thrown before any input is read where it can be. Argument Parser prints it as `Error: <path>: <problem>` and
/// exits with status 1, without the usage line (that is for mistakes in the arguments themselves).
struct CommandLineError: Error, CustomStringConvertible {
    /// The file at fault, as given on the command line.
    var path: String
    /// What is wrong with it.
    var problem: String

    var description: String { "\(path): \(problem)" }

    /// Checks that a report can be written to `path` (an atomic write: a temporary file in the same folder, then
    /// a rename): the folder exists and is writable, and `path` is not a folder or a read-only file.
    static func checkWritable(_ path: String) throws(CommandLineError) {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw CommandLineError(path: path, problem: "is a directory, not a file") }
            if access(path, W_OK) != 0 { throw CommandLineError(path: path, problem: "the file is not writable") }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard files.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw CommandLineError(path: path, problem: "cannot write: the directory \(folder) does not exist")
        }
        guard isFolder.boolValue else {
            throw CommandLineError(path: path, problem: "cannot write: \(folder) is not a directory")
        }
        if access(folder, W_OK) != 0 {
            throw CommandLineError(path: path, problem: "cannot write: the directory \(folder) is not writable")
        }
    }
}
