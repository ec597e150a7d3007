import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// The stable machine-readable form of findings (documented in docs/OUTPUT.md):
/// a JSON array of `{file, line, column, severity, rule, message, version}` objects, plus
/// `help` when a fix is known. `version` is the format's version (1), raised only if a key
/// ever changes meaning. Keys are sorted and the order of findings is the order of checking, so the
/// output is byte-for-byte reproducible.
public enum JSONReporter {
    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
        var help: String?
        var version = 1
    }

    public static func render(_ findings: [Finding]) -> String {
        let entries = findings.map {
            Entry(file: $0.path, line: $0.location.line, column: $0.location.column,
                  severity: $0.severity.rawValue, rule: $0.ruleID, message: $0.message, help: $0.help)
        }
        return StableJSON.encode(entries, orElse: "[]")
    }
}
