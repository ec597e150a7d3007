import SecretDigests
import GuideDocument
import GuideKnowledge

/// Applies the certain fixes of a guide's findings (`Finding.fix`), then proves the result:
/// it must still parse, lose the fixed findings and gain no error. Everything outside the
/// edited spans stays byte for byte (line endings included).
public struct Fixer: Sendable {
    public var checker: Checker

    public init(checker: Checker = Checker()) {
        self.checker = checker
    }

    public struct Outcome: Sendable {
        public var path: String
        public var original: String
        public var fixed: String
        /// The findings whose fixes were applied.
        public var applied: [Finding]
        /// Findings left for a human (no certain fix).
        public var remaining: [Finding]

        public var changed: Bool { fixed != original }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public func fix(path: String, text: String) throws(Failure) -> Outcome {
        try fix(GuideParser.parse(path: path, text: text))
    }

    /// Fixes a guide already parsed. `findings` and `known` come from the check run the fix
    /// belongs to (the command checks every guide once, as `check` does): the guide is not
    /// checked again before fixing, and proving the fix computes no digest already verified.
    public func fix(_ guide: Guide, findings checked: [Finding]? = nil,
                    known: [VerificationRequest: DigestVerification] = [:]) throws(Failure) -> Outcome {
        let path = guide.path
        let text = guide.source.originalText
        let findings = (checked ?? checker.run([guide], known: known).findings[0]).filter(\.isActive)
        // Edits of different fixes must not overlap; the first fix of a span wins, later
        // ones wait for the next run.
        var applied: [Finding] = []
        var edits: [TextEdit] = []
        for finding in findings {
            guard let fix = finding.fix else { continue }
            let overlaps = fix.edits.contains { edit in
                edits.contains { $0.line == edit.line && edit.column < $0.column + max($0.length, 1) && $0.column < edit.column + max(edit.length, 1) }
            }
            guard !overlaps else { continue }
            edits += fix.edits
            applied.append(finding)
        }
        guard !applied.isEmpty else {
            return Outcome(path: path, original: text, fixed: text, applied: [], remaining: findings)
        }
        let fixed = Self.apply(edits, to: text)
        let after = checker.run([GuideParser.parse(path: path, text: fixed)], known: known).findings[0].filter(\.isActive)
        if let broken = after.first(where: { $0.ruleID == "yaml-syntax" }), !findings.contains(where: { $0.ruleID == "yaml-syntax" }) {
            throw Failure(path: path, message: "the fixes would break the YAML (\(broken.message)); nothing was written")
        }
        // Findings are identified by fingerprint (rule and subject), counted: a fixed finding's
        // fingerprint must lose one occurrence per fix applied to it.
        func count(_ list: [Finding]) -> [String: Int] { list.reduce(into: [:]) { $0[$1.fingerprint, default: 0] += 1 } }
        let before = count(findings), afterCounts = count(after), fixedCounts = count(applied)
        for finding in applied where afterCounts[finding.fingerprint, default: 0] > before[finding.fingerprint, default: 0] - fixedCounts[finding.fingerprint, default: 0] {
            throw Failure(path: path, message: "fixing '\(finding.message)' [\(finding.ruleID)] did not remove it; nothing was written")
        }
        // An error is new when its fingerprint occurs more often than before. A fix that
        // renames a client id changes the subject (so the fingerprint) of that client's other
        // findings: one still at the same rule and line is the same finding.
        var seen: [String: Int] = [:]
        let newErrors = after.filter { new in
            guard new.severity == .error else { return false }
            seen[new.fingerprint, default: 0] += 1
            guard seen[new.fingerprint, default: 0] > before[new.fingerprint, default: 0] else { return false }
            return !findings.contains { $0.ruleID == new.ruleID && $0.location.line == new.location.line }
        }
        if let error = newErrors.first {
            throw Failure(path: path, message: "the fixes would cause a new error at line \(error.location.line): \(error.message) [\(error.ruleID)]; nothing was written")
        }
        return Outcome(path: path, original: text, fixed: fixed, applied: applied, remaining: after)
    }

    /// Like `TextEdit.apply`, but keeps each line's own terminator (`\r\n` stays `\r\n`).
    static func apply(_ edits: [TextEdit], to text: String) -> String {
        var lines = text.lines().map(String.init)
        let byLine = Dictionary(grouping: edits, by: \.line)
        for (line, lineEdits) in byLine where line >= 1 && line <= lines.count {
            var content = lines[line - 1]
            let carriageReturn = content.hasSuffix("\r")
            if carriageReturn { content.removeLast() }
            content = TextEdit.apply(lineEdits.map { var edit = $0; edit.line = 1; return edit }, to: content)
            lines[line - 1] = content + (carriageReturn ? "\r" : "")
        }
        return lines.joined(separator: "\n")
    }
}
