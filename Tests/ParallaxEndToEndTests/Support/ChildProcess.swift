import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program started with `posix_spawnp` (so `chromium` is found on `PATH`): standard output and error go to files,
/// and chosen file descriptors of ours are placed on chosen numbers in the child (Chromium's DevTools pipe wants its
/// ends on 3 and 4). Every other descriptor of ours is close-on-exec (see `SpawnPipe.make`), so children started
/// side by side do not hold each other's pipes open.
struct ChildProcess: Sendable {
    let pid: pid_t

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `program` with `arguments`; `placing` maps a descriptor of ours to the number it has in the child.
    static func spawn(
        _ program: String, _ arguments: [String], stdout: String = "/dev/null", stderr: String = "/dev/null",
        placing: [(ours: Int32, theirs: Int32)] = []
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        for (ours, theirs) in placing {
            // dup2 clears close-on-exec on the new number, so the child keeps it.
            posix_spawn_file_actions_adddup2(&actions, ours, theirs)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard status == 0 else {
            throw Failure(description: "could not start \(program): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid)
    }

    /// Waits up to `timeout` seconds for the child to end and returns its exit status; a child still running then
    /// is killed and nil is returned.
    func wait(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return Self.exitStatus(status) }
            if done < 0 { return nil }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return nil
    }

    /// Asks the child to stop (SIGTERM), and kills it when it is still there after five seconds.
    func stop() {
        kill(pid, SIGTERM)
        _ = wait(timeout: 5)
    }

    /// The exit code of a child that exited, 128 + the signal of one that a signal ended.
    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// A pipe whose two ends are close-on-exec and numbered 10 or above, so that placing them on 3 and 4 in a child
/// overwrites nothing of ours.
struct SpawnPipe {
    let read: Int32
    let write: Int32

    static func make() throws -> SpawnPipe {
        var ends: [Int32] = [0, 0]
        // (pipe2 with O_CLOEXEC is not visible from Swift; the ends are moved to close-on-exec copies at once.)
        guard pipe(&ends) == 0 else { throw ChildProcess.Failure(description: "pipe failed") }
        let high = ends.map { end -> Int32 in
            let moved = fcntl(end, F_DUPFD_CLOEXEC, 10)
            close(end)
            return moved
        }
        guard high.allSatisfy({ $0 >= 0 }) else { throw ChildProcess.Failure(description: "fcntl failed") }
        return SpawnPipe(read: high[0], write: high[1])
    }
}
