import Foundation

/// A progress line on standard error for long work (`check` over many files, `render` over
/// many sites): count, rate and time left, redrawn at most ten times a second. Only on a
/// terminal: in CI logs and pipes it prints nothing, and `--quiet` turns it off.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            Console.err("\r" + Self.line(label: label, done: done, total: total, elapsed: now.timeIntervalSince(start)) + "\u{1B}[K")
            drawn = true
        }
    }

    /// Clears the line so the command's own output starts on a clean one.
    func finish() {
        guard enabled else { return }
        lock.withLock {
            if drawn { Console.err("\r\u{1B}[K") }
            drawn = false
        }
    }

    /// `check [########------------]  120/1000  45.2/s  ETA 19 s`
    static func line(label: String, done: Int, total: Int, elapsed: Double) -> String {
        let width = 24
        let filled = total == 0 ? width : min(width, width * done / total)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return String(format: "%@ [%@] %d/%d  %.1f/s  ETA %.0f s", label, bar, done, total, rate, eta)
    }
}
