import Foundation
import SecretDigests
import GuideDocument
import GuideKnowledge

/// Verdicts of digest verifications remembered across runs, so a rerun of `check` computes
/// no PBKDF2 (or Argon2, scrypt, ...) it has computed before.
///
/// Where: `$XDG_CACHE_HOME/guidekit`, else `~/.cache/guidekit`; the folder is 0700, its files
/// 0600, created with those modes (no window in which they are readable by others).
///
/// What: `verdicts` holds one line per verified (digest, secret) pair — HMAC-SHA256 of the
/// pair under a random per-cache key, and the verdict. Neither the secret nor the digest is
/// stored. The key lives in its own file, `key`: the verdicts file alone does not let anyone
/// test guesses of a secret (without the key an entry is a random-looking string); with both
/// files, guesses could be tested at HMAC speed, so the folder must stay private like
/// `~/.ssh` — never put it in a CI cache shared with untrusted code.
///
/// Bounded to `capacity` entries (the newest kept), written atomically (a temporary file
/// renamed over the old one), and ignored when unreadable or corrupt: a cache can make a run
/// faster, never make it fail or change its findings.
public struct DigestCache: Sendable {
    public static let capacity = 4096
    static let header = "guidekit digest verdicts 1"

    public let directory: String
    private let key: [UInt8]
    /// Entry (hex HMAC) → verdict, and the order entries were added (oldest first).
    private var verdicts: [String: DigestVerification] = [:]
    private var order: [String] = []
    private(set) var isDirty = false

    /// The default folder from the environment.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/guidekit" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.cache/guidekit"
    }

    /// Opens (creating when needed) the cache in `directory`; `nil` when it cannot be used
    /// safely (not a folder we own, cannot be created). Never throws: no cache is a slower
    /// run, not a failure.
    public static func open(directory: String) -> DigestCache? {
        guard PrivateFiles.ensurePrivateDirectory(directory) else { return nil }
        let keyPath = directory + "/key"
        var key = PrivateFiles.read(keyPath).flatMap { Self.bytes(fromHex: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if key?.count != 32 {
            var generator = SystemRandomNumberGenerator()
            let fresh = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            guard (try? PrivateFiles.write(Self.hex(fresh) + "\n", to: keyPath, mode: 0o600)) != nil else { return nil }
            key = fresh
        }
        var cache = DigestCache(directory: directory, key: key!)
        cache.load()
        return cache
    }

    private init(directory: String, key: [UInt8]) {
        self.directory = directory
        self.key = key
    }

    private var verdictsPath: String { directory + "/verdicts" }

    private mutating func load() {
        guard let text = PrivateFiles.read(verdictsPath) else { return }
        let lines = text.split(separator: "\n")
        guard lines.first == Substring(Self.header) else { return }  // corrupt or another format: start afresh
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit) else { continue }
            let verdict: DigestVerification
            switch parts[1] {
            case "match": verdict = .match
            case "mismatch": verdict = .mismatch
            default: continue
            }
            let entry = String(parts[0])
            if verdicts.updateValue(verdict, forKey: entry) == nil { order.append(entry) }
        }
    }

    /// The entry name of a pair: HMAC-SHA256 under the cache key, in hex.
    private func entry(_ request: VerificationRequest) -> String? {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") are different pairs.
        let message = Array("\(request.digest.utf8.count):\(request.digest)\(request.secret)".utf8)
        return KeyedHash.hmacSHA256(key: key, message: message).map(Self.hex)
    }

    public func verdict(for request: VerificationRequest) -> DigestVerification? {
        entry(request).flatMap { verdicts[$0] }
    }

    /// Remembers computed verdicts ("could not verify" is not remembered: it may change
    /// with the machine's libraries).
    public mutating func record(_ results: [VerificationRequest: DigestVerification]) {
        for (request, verdict) in results where verdict == .match || verdict == .mismatch {
            guard let entry = entry(request) else { continue }
            if verdicts.updateValue(verdict, forKey: entry) == nil { order.append(entry) }
            isDirty = true
        }
        if order.count > Self.capacity {
            for old in order.prefix(order.count - Self.capacity) { verdicts[old] = nil }
            order.removeFirst(order.count - Self.capacity)
        }
    }

    /// Writes the verdicts when something changed; `false` if that failed (the run goes on).
    @discardableResult
    public func save() -> Bool {
        guard isDirty else { return true }
        var text = Self.header + "\n"
        for entry in order {
            guard let verdict = verdicts[entry] else { continue }
            text += entry + (verdict == .match ? " match\n" : " mismatch\n")
        }
        return (try? PrivateFiles.write(text, to: verdictsPath, mode: 0o600)) != nil
    }

    public var count: Int { order.count }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(fromHex text: String) -> [UInt8]? {
        guard text.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
