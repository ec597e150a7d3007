import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GuideDocument

/// Standard output and error, written with write(2) so a failure is a value, not a trap:
/// Foundation's `FileHandle.write(_:)` traps when the write fails (`> /dev/full`, a closed
/// descriptor), and `print` loses the error in stdio's buffer. A failed write to standard
/// output makes the run exit with status 2 and says why on standard error (`finish`); a
/// reader that went away (EPIPE, `guidekit check | head -1`) ends the run quietly with 2.
enum Console {
    /// errno of the first failed write to standard output, if any.
    nonisolated(unsafe) private static var outputError: Int32?
    private static let lock = NSLock()

    /// Failed writes become errors, not signals: a reader that went away (SIGPIPE) and a
    /// file-size limit reached (SIGXFSZ, `ulimit -f`) would otherwise kill the process.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
    }

    static func out(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard outputError == nil else { return }
        if !PrivateFiles.writeAll(Array(text.utf8), to: STDOUT_FILENO) { outputError = errno }
    }

    /// Standard error: a failure there has nowhere to be reported, and never stops the run.
    static func err(_ text: String) {
        _ = PrivateFiles.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// `print` for standard output.
    static func print(_ text: String = "", terminator: String = "\n") {
        out(text + terminator)
    }

    /// The exit status a failed write to standard output forces (2), after saying why;
    /// `nil` when every write went through.
    static func failureStatus() -> Int32? {
        guard let code = outputError else { return nil }
        if code != EPIPE { err("guidekit: error: standard output cannot be written (\(PrivateFiles.reason(code)))\n") }
        return ExitStatus.inputFailure.rawValue
    }
}
