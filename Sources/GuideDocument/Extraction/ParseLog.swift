import Foundation

/// Counts cmark parses per file path, when switched on. The render pipeline promises one
/// parse per guide and one per rendered guide; tests hold it to that (each test uses its own
/// paths, so tests running side by side do not disturb each other's counts).
public final class ParseLog: @unchecked Sendable {
    public static let shared = ParseLog()

    private let lock = NSLock()
    private var enabled = false
    private var counts: [String: Int] = [:]

    public func enable() {
        lock.withLock { enabled = true }
    }

    func record(_ path: String) {
        lock.withLock {
            guard enabled else { return }
            counts[path, default: 0] += 1
        }
    }

    public func count(_ path: String) -> Int {
        lock.withLock { counts[path, default: 0] }
    }
}
