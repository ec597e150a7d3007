import Foundation

/// Findings accepted for now (`--write-baseline`), so only new ones fail a run
/// (`--baseline`). Entries match by file, rule and message, not by line, so edits above a
/// known finding do not turn it into a new one; each entry has a count.
public struct Baseline: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable, Hashable {
        public var file: String
        public var rule: String
        public var message: String
        public var count: Int
    }

    public var version = 1
    public var entries: [Entry]

    public init(findings: [Finding]) {
        let counts = Dictionary(grouping: findings.filter { $0.suppression == nil }, by: { Key($0) }).mapValues(\.count)
        entries = counts.map { Entry(file: $0.key.file, rule: $0.key.rule, message: $0.key.message, count: $0.value) }
            .sorted { ($0.file, $0.rule, $0.message) < ($1.file, $1.rule, $1.message) }
    }

    struct Key: Hashable {
        var file: String
        var rule: String
        var message: String
        init(_ finding: Finding) {
            file = finding.path
            rule = finding.ruleID
            message = finding.message
        }
        init(_ entry: Entry) {
            file = entry.file
            rule = entry.rule
            message = entry.message
        }
    }

    /// Marks findings the baseline knows (up to each entry's count) as known.
    public func mark(_ findings: [Finding]) -> [Finding] {
        var remaining = Dictionary(entries.map { (Key($0), $0.count) }, uniquingKeysWith: +)
        return findings.map { finding in
            var finding = finding
            let key = Key(finding)
            if finding.suppression == nil, let left = remaining[key], left > 0 {
                remaining[key] = left - 1
                finding.isKnown = true
            }
            return finding
        }
    }

    public func encoded() -> String {
        StableJSON.encode(self, orElse: "{}") + "\n"
    }

    public static func decode(_ data: Data, path: String) throws(InputError) -> Baseline {
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else {
                throw InputError(path: path, message: "baseline version \(baseline.version) is not supported (expected 1)")
            }
            return baseline
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(path: path, message: "not a GuideKit baseline file (write one with --write-baseline)")
        }
    }
}
