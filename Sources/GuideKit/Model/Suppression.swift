/// An inline `<!-- guidekit-disable RULE[, RULE]: reason -->` comment: findings of those
/// rules in the next block (the code block, list or paragraph right after the comment) are
/// reported as suppressed and do not fail the run.
public struct Suppression: Sendable, Equatable {
    public var rules: [String]
    /// The stated reason; `nil` when the comment gives none (itself a warning).
    public var reason: String?
    public var location: SourceLocation
    /// Lines of the block the comment applies to; `nil` when nothing follows it.
    public var lines: ClosedRange<Int>?

    /// Parses the comment's text; `nil` when it is not a GuideKit comment.
    static func parse(_ html: String, location: SourceLocation, lines: ClosedRange<Int>?) -> Suppression? {
        guard let start = html.range(of: "<!--"), let end = html.range(of: "-->", range: start.upperBound..<html.endIndex) else { return nil }
        let body = html[start.upperBound..<end.lowerBound].trimmingSpaces()
        guard body.hasPrefix("guidekit-disable ") || body == "guidekit-disable" else { return nil }
        let rest = body.dropFirst("guidekit-disable".count)
        let colon = rest.firstIndex(of: ":")
        let ruleText = colon.map { rest[..<$0] } ?? rest
        let reason = colon.map { String(rest[rest.index(after: $0)...].trimmingSpaces()) }.flatMap { $0.isEmpty ? nil : $0 }
        let rules = ruleText.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        return Suppression(rules: rules, reason: reason, location: location, lines: lines)
    }
}
