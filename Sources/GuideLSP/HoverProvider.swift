import GuideChecks
import GuideDocument
import GuideReports
import LSPProtocol

/// Hover text: on a finding, its rule's explanation and page; on an assumption (its label or
/// value), the value and every other line of the guide that uses it.
enum HoverProvider {
    static let maximumUsages = 12

    static func hover(at position: Position, in document: CheckedDocument) -> Hover? {
        for finding in document.findings {
            let range = FindingConversion.range(of: finding, in: document.text)
            if range.contains(position) { return Hover(contents: MarkupContent(value: explanation(of: finding)), range: range) }
        }
        guard let guide = document.guide else { return nil }
        for assumption in guide.assumptions {
            for span in [assumption.label.location] + (assumption.rawValue.map { [$0.location] } ?? []) {
                let length = span == assumption.label.location ? assumption.label.length : assumption.rawValue?.length ?? 1
                let range = FindingConversion.range(line: span.line, column: span.column, length: length, in: document.text)
                if range.contains(position) { return Hover(contents: MarkupContent(value: usages(of: assumption, in: document)), range: range) }
            }
        }
        return nil
    }

    static func explanation(of finding: Finding) -> String {
        guard let rule = RuleRegistry.all.map({ type(of: $0).description }).first(where: { $0.id == finding.ruleID }) else {
            return "**\(finding.ruleID)**: \(finding.message)"
        }
        var text = "**\(rule.id)** (\(finding.severity.rawValue)): \(rule.summary)\n\n\(rule.explanation)"
        if let help = finding.help { text += "\n\n**Fix:** \(help)" }
        if !rule.basis.isEmpty { text += "\n\n**Based on:** " + rule.basis.map(\.line).joined(separator: "; ") }
        text += "\n\n[Rule page](\(RulePage.helpURI(for: rule.id)))"
        return text
    }

    /// The assumption's value and the lines that use it (the value's text, anywhere but the
    /// assumption's own line), with the line's text.
    static func usages(of assumption: Assumption, in document: CheckedDocument) -> String {
        guard let value = assumption.rawValue?.value, !value.isEmpty else {
            return "**\(assumption.label.value)**: no value"
        }
        let secret = assumption.kind == .clientSecret
        var text = "**\(assumption.label.value)**: `\(secret ? "(secret)" : value)`"
        var lines: [String] = []
        // A root URL is written with and without its trailing slash ("https://app/" and
        // "https://app/callback" both use it).
        let needle = [.applicationRootURL, .autheliaRootURL].contains(assumption.kind) && value.count > 1 && value.hasSuffix("/")
            ? String(value.dropLast()) : value
        for index in 0..<document.text.lineCount where index + 1 != assumption.rawValue?.location.line {
            let line = document.text.line(index)
            guard line.contains(needle) else { continue }
            let shown = secret ? "" : ": `` \(line.trimmingCharacters(in: .whitespaces).prefix(80)) ``"
            lines.append("- line \(index + 1)\(shown)")
        }
        if lines.isEmpty {
            text += "\n\nNot used anywhere else in this guide."
        } else {
            text += "\n\nUsed on \(lines.count) other line\(lines.count == 1 ? "" : "s"):\n" + lines.prefix(maximumUsages).joined(separator: "\n")
            if lines.count > maximumUsages { text += "\n- … and \(lines.count - maximumUsages) more" }
        }
        return text
    }
}
