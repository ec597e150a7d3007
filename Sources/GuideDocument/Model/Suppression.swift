/// An inline suppression. Three directives, written in an HTML comment in prose or, for the
/// next line inside a code block, as a comment in the block's own syntax:
///
/// - `<!-- guidekit-disable RULE[, RULE]: reason -->`: the next block (code block, list or
///   paragraph right after the comment);
/// - `<!-- guidekit-disable-next-line RULE…: reason -->`, or `# guidekit-disable-next-line
///   RULE…: reason` (also `//`, `;`, `--`) inside a code block: the next line;
/// - `<!-- guidekit-disable-file RULE…: reason -->`: the whole file.
///
/// Findings of those rules there are reported as suppressed and do not fail the run.
public struct Suppression: Sendable, Equatable {
    public enum Scope: String, Sendable, Equatable, CaseIterable {
        case nextBlock = "guidekit-disable"
        case nextLine = "guidekit-disable-next-line"
        case file = "guidekit-disable-file"

        package static var allNames: [String] { allCases.map(\.rawValue) }

        /// How the scope reads in messages ("the next block").
        public var phrase: String {
            switch self {
            case .nextBlock: "the next block"
            case .nextLine: "the next line"
            case .file: "this file"
            }
        }
    }

    public var scope: Scope
    public var rules: [String]
    /// The stated reason; `nil` when the comment gives none (itself a warning).
    public var reason: String?
    public var location: SourceLocation
    /// Lines the directive applies to; `nil` when nothing follows it.
    public var lines: ClosedRange<Int>?

    /// What a `guidekit-…` comment says.
    enum Directive: Equatable {
        case suppression(Scope, rules: [String], reason: String?)
        /// A `guidekit-` word that is no directive (`guidekit-disable-line`, a typo).
        case unknown(String)
    }

    /// The directive in the text after a comment marker (`<!--`, `#`, `//`, ...); `nil` when
    /// the text does not start with `guidekit-`.
    static func directive(in body: Substring) -> Directive? {
        let body = body.trimmingSpaces()
        guard body.hasPrefix("guidekit-") else { return nil }
        let nameEnd = body.firstIndex { $0 == " " || $0 == "\t" || $0 == ":" } ?? body.endIndex
        let name = String(body[..<nameEnd])
        guard let scope = Scope(rawValue: name) else { return .unknown(name) }
        let rest = body[nameEnd...]
        let colon = rest.firstIndex(of: ":")
        let ruleText = colon.map { rest[..<$0] } ?? rest
        let reason = colon.map { String(rest[rest.index(after: $0)...].trimmingSpaces()) }.flatMap { $0.isEmpty ? nil : $0 }
        let rules = ruleText.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        return .suppression(scope, rules: rules, reason: reason)
    }

    /// The body of an HTML comment (`<!-- … -->`), or `nil` when `html` holds none.
    static func commentBody(_ html: String) -> Substring? {
        guard let start = html.literalRange(of: "<!--"), let end = html.range(of: "-->", range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.upperBound..<end.lowerBound]
    }

    /// The text after a line comment marker of YAML, shell, INI, `.env`, SQL or C-like
    /// syntax, or inside an HTML/XML comment; `nil` when the line is not such a comment.
    static func lineCommentBody(_ line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if let body = commentBody(String(trimmed)) { return body }
        for marker in ["#", "//", ";", "--"] where trimmed.hasPrefix(marker) {
            return trimmed.dropFirst(marker.count)
        }
        return nil
    }
}
