import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// reviewdog's Diagnostic Format as JSON Lines (`rdjsonl`): one `Diagnostic` object per line,
/// for `reviewdog -f=rdjsonl`. Semantics from reviewdog's `proto/rdf/reviewdog.proto`: lines
/// and columns start at 1, a column counts UTF-8 bytes (GuideKit counts Unicode scalars, so
/// columns are converted on the finding's source line), a range's end is exclusive. A fix
/// GuideKit is sure of becomes `suggestions` (one per edit, the edit's range and text), so
/// reviewdog can post it as a suggested change. Only active findings are written, as in `json`.
/// `scripts/validate-reports` validates every line against the vendored schema
/// (third_party/reviewdog-rdf/Diagnostic.json).
public enum ReviewdogReporter {
    struct Diagnostic: Encodable {
        var message: String
        var location: Location
        var severity: String
        var source = Source()
        var code: Code
        var suggestions: [Suggestion]?
    }

    struct Location: Encodable {
        var path: String
        var range: Range
    }

    struct Range: Encodable {
        var start: Position
        var end: Position
    }

    struct Position: Encodable {
        var line: Int
        var column: Int
    }

    struct Source: Encodable {
        var name = "guidekit"
        var url = "https://github.com/guidekit/guidekit"
    }

    struct Code: Encodable {
        var value: String
        var url: String
    }

    struct Suggestion: Encodable {
        var range: Range
        var text: String
    }

    public static func render(_ report: CheckReport) -> String {
        report.active.map { finding in
            let line = report.snippetLine(for: finding)
            let start = Position(line: finding.location.line, column: byteColumn(finding.location.column, in: line))
            let end = Position(line: finding.location.line, column: byteColumn(finding.location.column + finding.length, in: line))
            let diagnostic = Diagnostic(
                message: finding.help.map { "\(finding.message). \($0)" } ?? finding.message,
                location: Location(path: SARIFReporter.uri(finding.path).removingPercentEncoding ?? finding.path,
                                   range: Range(start: start, end: end)),
                severity: finding.severity == .error ? "ERROR" : "WARNING",
                code: Code(value: finding.ruleID, url: RulePage.helpURI(for: finding.ruleID)),
                suggestions: suggestions(for: finding, in: report))
            return StableJSON.encode(diagnostic, orElse: "{}", compact: true) + "\n"
        }.joined()
    }

    /// The fix's edits as suggestions, when the source line of every edit is known (a column
    /// in bytes needs the line's text); otherwise none rather than a wrong range.
    static func suggestions(for finding: Finding, in report: CheckReport) -> [Suggestion]? {
        guard let fix = finding.fix, !fix.edits.isEmpty else { return nil }
        var result: [Suggestion] = []
        for edit in fix.edits {
            guard let line = report.line(edit.line, of: finding.path) else { return nil }
            result.append(Suggestion(
                range: Range(start: Position(line: edit.line, column: byteColumn(edit.column, in: line)),
                             end: Position(line: edit.line, column: byteColumn(edit.column + edit.length, in: line))),
                text: edit.replacement))
        }
        return result
    }

    /// The 1-based UTF-8 byte column of a 1-based scalar column on `line` (past the end of
    /// the line, each missing scalar counts one byte; without the line, the scalar column).
    static func byteColumn(_ scalarColumn: Int, in line: String?) -> Int {
        guard let line else { return scalarColumn }
        var bytes = 0
        var scalars = 0
        for scalar in line.unicodeScalars {
            if scalars == scalarColumn - 1 { break }
            bytes += UTF8.width(scalar)
            scalars += 1
        }
        return bytes + max(0, scalarColumn - 1 - scalars) + 1
    }
}
