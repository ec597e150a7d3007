import Foundation
import GuideDocument
import GuideKnowledge

/// Findings accepted for now (`--write-baseline`), so only new ones fail a run
/// (`--baseline`). Entries match by file, rule and the finding's fingerprint (rule id and
/// subject: `Finding.fingerprint`) — not by line, so edits above a known finding do not turn
/// it into a new one, and not by message, so a GuideKit release that rewords a message keeps
/// every baseline valid. Each entry has a count; the message is kept for people reading the file.
///
/// Version 1 files (matched by message) are still read. A file records the fingerprint scheme
/// it was written with (`fingerprint_scheme`, `Fingerprint.version`; absent means `v1`): when
/// GuideKit's scheme changes, the file's entries match nothing and are reported as stale, so
/// a fingerprint never silently matches a finding it was not computed for.
public struct Baseline: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable, Hashable {
        public var file: String
        public var rule: String
        /// `Finding.fingerprint`; absent in version 1 files.
        public var fingerprint: String?
        public var message: String
        public var count: Int
        /// Why the findings are accepted, written by a maintainer (optional). SARIF gives it as
        /// the suppression's justification.
        public var reason: String?
    }

    /// The justification of an entry without a `reason`.
    public static let defaultJustification = "recorded in the GuideKit baseline: known before this change"

    public static let currentVersion = 2

    public var version = Baseline.currentVersion
    /// The `Fingerprint.version` the entries' fingerprints were computed with.
    public var fingerprintScheme: String? = Fingerprint.version
    public var entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case version, entries
        case fingerprintScheme = "fingerprint_scheme"
    }

    /// The scheme of this file's fingerprints.
    var scheme: String { fingerprintScheme ?? "v1" }

    public init(findings: [Finding]) {
        let groups = Dictionary(grouping: findings.filter { $0.suppression == nil }, by: { Key($0, byFingerprint: true) })
        entries = groups.map { key, members in
            // A reason a maintainer wrote into the baseline this run read is kept.
            Entry(file: key.file, rule: key.rule, fingerprint: members[0].fingerprint, message: members[0].message, count: members.count,
                  reason: members.lazy.compactMap(\.baselineJustification).first { $0 != Baseline.defaultJustification })
        }
        .sorted { ($0.file, $0.rule, $0.fingerprint ?? "", $0.message) < ($1.file, $1.rule, $1.fingerprint ?? "", $1.message) }
    }

    struct Key: Hashable {
        var file: String
        var rule: String
        /// The fingerprint, or the message for version 1 entries.
        var identity: String

        /// A fingerprint is qualified by its scheme, so one of another scheme never matches.
        init(_ finding: Finding, byFingerprint: Bool) {
            file = finding.path
            rule = finding.ruleID
            identity = byFingerprint ? Fingerprint.version + ":" + finding.fingerprint : finding.message
        }

        init(_ entry: Entry, scheme: String) {
            file = entry.file
            rule = entry.rule
            identity = entry.fingerprint.map { scheme + ":" + $0 } ?? entry.message
        }
    }

    /// Marks findings the baseline knows (up to each entry's count) as known.
    public func mark(_ findings: [Finding]) -> [Finding] {
        var remaining = Dictionary(entries.map { (Key($0, scheme: scheme), $0.count) }, uniquingKeysWith: +)
        let reasons = Dictionary(entries.compactMap { entry in entry.reason.map { (Key(entry, scheme: scheme), $0) } },
                                 uniquingKeysWith: { first, _ in first })
        let byFingerprint = version >= 2
        return findings.map { finding in
            var finding = finding
            let key = Key(finding, byFingerprint: byFingerprint)
            if finding.suppression == nil, let left = remaining[key], left > 0 {
                remaining[key] = left - 1
                finding.isKnown = true
                finding.baselineJustification = reasons[key] ?? Baseline.defaultJustification
            }
            return finding
        }
    }

    /// Entries of checked files that this run's findings no longer fill (the finding was
    /// fixed, or fewer of it remain), each with the count left over. Entries of files the run
    /// did not check (another shard, an unchanged file) are never stale.
    public func stale(after findings: [Finding], checked files: Set<String>) -> [Entry] {
        zip(entries, leftovers(after: findings, checked: files)).compactMap { entry, left in
            left > 0 ? Entry(file: entry.file, rule: entry.rule, fingerprint: entry.fingerprint, message: entry.message, count: left, reason: entry.reason) : nil
        }
    }

    /// The baseline without its stale entries (`--update-baseline`): counts lowered to what
    /// is still found, nothing new added.
    public func pruned(after findings: [Finding], checked files: Set<String>) -> Baseline {
        var result = self
        result.entries = zip(entries, leftovers(after: findings, checked: files)).compactMap { entry, left in
            var entry = entry
            entry.count -= left
            return entry.count > 0 ? entry : nil
        }
        return result
    }

    /// Per entry, how much of its count no finding of the run used (0 for unchecked files).
    private func leftovers(after findings: [Finding], checked files: Set<String>) -> [Int] {
        let byFingerprint = version >= 2
        var found: [Key: Int] = [:]
        for finding in findings where finding.suppression == nil {
            found[Key(finding, byFingerprint: byFingerprint), default: 0] += 1
        }
        return entries.map { entry in
            guard files.contains(entry.file) else { return 0 }
            let key = Key(entry, scheme: scheme)
            let matched = min(entry.count, found[key, default: 0])
            found[key, default: 0] -= matched
            return entry.count - matched
        }
    }

    public func encoded() -> String {
        StableJSON.encode(self, orElse: "{}") + "\n"
    }

    /// The largest count of one entry, and the most entries a file may hold.
    static let maximumCount = 1_000_000

    public static func decode(_ data: Data, path: String) throws(InputError) -> Baseline {
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard (1...currentVersion).contains(baseline.version) else {
                throw InputError(path: path, message: "baseline version \(baseline.version) is not supported (expected 1 or 2)")
            }
            if baseline.version >= 2, let entry = baseline.entries.first(where: { $0.fingerprint == nil }) {
                throw InputError(path: path, message: "baseline entry for \(entry.file) [\(entry.rule)] has no fingerprint")
            }
            // Counts are summed per finding: each is bounded so no sum can overflow (a count
            // near Int.max, or below 1, is no count a run could have written).
            if let entry = baseline.entries.first(where: { !(1...maximumCount).contains($0.count) }) {
                throw InputError(path: path, message: "baseline entry for \(entry.file) [\(entry.rule)] has count \(entry.count); a count is 1 to \(maximumCount)")
            }
            guard baseline.entries.count <= maximumCount else {
                throw InputError(path: path, message: "baseline holds \(baseline.entries.count) entries; at most \(maximumCount)")
            }
            return baseline
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, message: "not a GuideKit baseline file (write one with --write-baseline)")
        }
    }
}
