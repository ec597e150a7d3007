import GuideChecks
import GuideDocument
import GuideKnowledge

/// Compiler-style text: `file:line:col: severity: message [rule]`, then the source line with
/// a caret under the spot (as rustc does), then the fix when one is known.
public struct TextReporter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// - Parameter secrets: values masked in the source line (same length, so the caret
    ///   still lines up): a snippet must not carry a client secret into a CI log.
    public func render(_ finding: Finding, source: PreparedSource?, secrets: Set<String> = []) -> String {
        render(finding, line: source.map { SecretMask(secrets).starred(String($0.originalLine(finding.location.line))) })
    }

    /// - Parameter line: the source line under the finding, secrets already masked.
    public func render(_ finding: Finding, line: String?) -> String {
        let severity = paint(finding.severity.rawValue, finding.severity == .error ? "1;31" : "1;33")
        var text = "\(finding.place): \(severity): "
            + "\(paint(finding.message, "1")) [\(finding.ruleID)]\n"
        if let full = line {
            let (line, column, length) = Self.window(Substring(full), column: finding.location.column, length: finding.length)
            let number = String(finding.location.line)
            let gutter = String(repeating: " ", count: number.count)
            text += "\(gutter) |\n\(number) | \(line)\n"
            text += "\(gutter) | \(caretLine(under: line, column: column, length: length))\n"
        }
        if let help = finding.help {
            text += "  = help: \(help)\n"
        }
        return text
    }

    /// Widest source line shown under a finding, in characters.
    static let snippetWidth = 160

    /// A long line is shown as a window around the span, cut with "…" on either side (a
    /// minified or pasted line must not flood a log), with the column moved to match.
    static func window(_ line: Substring, column: Int, length: Int) -> (line: Substring, column: Int, length: Int) {
        let scalars = line.unicodeScalars
        guard line.utf8.count > snippetWidth, scalars.count > snippetWidth else { return (line, column, length) }
        let count = scalars.count
        let start = min(max(0, column - 1 - 40), max(0, count - snippetWidth))
        let end = min(count, start + snippetWidth)
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: end - start)
        let cut = (start > 0 ? "…" : "") + String(scalars[from..<to]) + (end < count ? "…" : "")
        let newColumn = column - start + (start > 0 ? 1 : 0)
        return (Substring(cut), newColumn, max(1, min(length, end - (column - 1))))
    }

    /// Spaces (tabs kept as tabs, so the caret lines up) then `^` and `~` for the span.
    func caretLine(under line: Substring, column: Int, length: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        var padding = ""
        for index in 0..<max(0, column - 1) {
            padding += index < scalars.count && scalars[index] == "\t" ? "\t" : " "
        }
        let available = max(1, min(length, scalars.count - (column - 1)))
        return padding + paint("^" + String(repeating: "~", count: available - 1), "1;32")
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Active findings with snippets, then the summary line (with suppressed and known counts).
    public func render(_ report: CheckReport) -> String {
        var output = ""
        for finding in report.active {
            output += render(finding, line: report.snippetLine(for: finding)) + "\n"
        }
        var summary = self.summary(findings: report.active, files: report.files.count)
        let suppressed = report.findings.filter { $0.suppression != nil }.count
        let known = report.findings.filter { $0.isKnown && $0.suppression == nil }.count
        if suppressed > 0 { summary += ", \(suppressed) suppressed" }
        if known > 0 { summary += ", \(known) known (in the baseline)" }
        summary += Self.uncheckableNote(report)
        return output + summary + "\n"
    }

    /// "; 1 guide had nothing checkable (guide-unread); 3 reference pages, held to the schema
    /// and value rules only": a run says which files it did not check as guides, so a page
    /// read as nothing, or taken for a reference page, is never silently passed.
    static func uncheckableNote(_ report: CheckReport) -> String {
        let unread = report.uncheckable.filter { $0.page.pageClass == .guide }.count
        let references = report.summaries.filter { $0.page.pageClass == .reference }.count
        var parts: [String] = []
        if unread > 0 { parts.append("\(unread) guide\(unread == 1 ? "" : "s") had nothing checkable (guide-unread)") }
        if references > 0 { parts.append("\(references) reference page\(references == 1 ? "" : "s"), held to the schema and value rules only") }
        guard !parts.isEmpty else { return "" }
        return "; " + parts.joined(separator: "; ") + " (--verbose shows what was read)"
    }

    /// The closing line: counts per severity and files.
    public func summary(findings: [Finding], files: Int) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }
}
