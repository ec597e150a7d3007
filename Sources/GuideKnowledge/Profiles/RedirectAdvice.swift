import Foundation
import GuideDocument

/// How a profile's callback meets a guide: which alternatives apply when a setting overrides
/// the built callback, which registered entry was meant, and how to write the advice in the
/// guide's own form (used by profile-redirect-uri).
package enum RedirectAdvice {
    /// The registered entry the application's URI most likely was meant to be (same host,
    /// then fewest edits), so the finding points at the entry to change, not at the key.
    package static func closestEntry(_ entries: [Field<String>], to expected: String) -> YAMLNode? {
        guard !entries.isEmpty else { return nil }
        let host = WebURL(expected)?.host
        let sameHost = entries.filter { WebURL($0.value)?.host == host }
        let pool = sameHost.isEmpty ? entries : sameHost
        return pool.min { Suggestion.editDistance($0.value, expected) < Suggestion.editDistance($1.value, expected) }?.node
    }

    /// `expected` written the way the guide writes `entry`: when the entry's scheme and host
    /// are built from site variables (`https://{{< sitevar … >}}`), the same authority text
    /// followed by `expected`'s path, so the advice does not put a literal example host into
    /// a guide that builds every host (which template-leak would report).
    package static func guideForm(of expected: String, like entry: YAMLNode, in guide: Guide) -> String {
        var written = writtenText(of: entry, in: guide)
        // An entry typed literally in a guide that builds its hosts from site variables: the
        // Application Root URL assumption shows the form (when it is the same host).
        if !written.containsLiteral("{{"), let root = guide.assumption(.applicationRootURL), let raw = root.rawValue,
           root.value?.url?.origin == WebURL(expected)?.origin {
            let line = Array(guide.source.originalLine(raw.location.line).unicodeScalars)
            let from = raw.location.column - 1
            if from >= 0, from < line.count, let close = line[from...].firstIndex(of: "`") {
                let text = String(String.UnicodeScalarView(line[from..<close]))
                if text.containsLiteral("{{") { written = text }
            }
        }
        guard written.containsLiteral("{{"), let schemeEnd = written.literalRange(of: "://"), let url = WebURL(expected) else { return expected }
        // The authority ends at the first '/' outside a shortcode.
        var depth = 0
        var index = schemeEnd.upperBound
        var authorityEnd = written.endIndex
        while index < written.endIndex {
            if written[index...].hasPrefix("{{") { depth += 1 } else if written[index...].hasPrefix("}}") { depth = max(0, depth - 1) }
            if depth == 0, written[index] == "/" { authorityEnd = index; break }
            index = written.index(after: index)
        }
        let authority = written[..<authorityEnd]
        let afterOrigin = expected.dropFirst(url.origin.count)
        return String(authority + afterOrigin)
    }

    /// The alternatives that apply: an alternative that is a setting's whole value
    /// (`{setting:redirect_url}`, an override of the built callback) replaces the others when
    /// the guide sets it, and is dropped when it does not. `nil`: nothing to require.
    package static func effectiveAlternatives(_ requirement: ApplicationProfile.RedirectRequirement, profile: ApplicationProfile,
                                      guide: Guide) -> [String]? {
        let overrides = requirement.alternatives.filter { $0.hasPrefix("{setting:") && $0.hasSuffix("}") && $0.filter({ $0 == "{" }).count == 1 }
        guard !overrides.isEmpty else { return requirement.alternatives }
        // Every value the guide writes for the override (variants may differ: one of them
        // registered is enough here; variantFindings reports the others where written).
        var set: [String] = []
        for template in overrides {
            guard let key = ApplicationProfile.settingKeys(inTemplate: template).first else { continue }
            for written in profile.writtenSettings(key, in: guide) {
                let value = ConfigLineReader.unquoted(written.value.value)
                if !value.isEmpty, !TemplateSyntax.isTemplated(value), !set.contains(value) { set.append(value) }
            }
        }
        if !set.isEmpty { return set }
        let rest = requirement.alternatives.filter { !overrides.contains($0) }
        return rest.isEmpty ? nil : rest
    }

    /// An entry as written in the original line, without its quotes: its node's length counts
    /// the resolved value, shorter than the shortcodes it was resolved from, so a quoted
    /// entry is read to its closing quote.
    static func writtenText(of entry: YAMLNode, in guide: Guide) -> String {
        let scalars = Array(guide.source.originalLine(entry.location.line).unicodeScalars)
        let start = entry.location.column - 1
        guard start >= 0, start < scalars.count else { return "" }
        let range = quotedSpan(of: entry, in: guide).map { ($0.column - 1)..<($0.column - 1 + $0.length) }
            ?? start..<min(scalars.count, start + entry.length)
        return String(String.UnicodeScalarView(scalars[range]))
    }

    /// The text between the quotes of a quoted entry as written in the original line (its
    /// 1-based column and length), whatever shortcodes it holds; `nil` for a plain scalar or
    /// a line where the quotes cannot be told apart.
    /// The entry's text as written, quoted or plain (1-based column and length): what a fix
    /// replaces. A plain entry runs to the end of its line (an `- entry` of a block list,
    /// `[a, b]` flow lists excluded), without a trailing comment.
    package static func writtenSpan(of entry: YAMLNode, in guide: Guide) -> (column: Int, length: Int)? {
        if let quoted = quotedSpan(of: entry, in: guide) { return quoted }
        guard entry.style == .plain else { return nil }
        let scalars = Array(guide.source.originalLine(entry.location.line).unicodeScalars)
        let start = entry.location.column - 1
        guard start >= 0, start < scalars.count else { return nil }
        var end = scalars.count
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        let text = scalars[start..<end]
        guard !text.isEmpty, !text.contains(","), !text.contains("]"),
              !zip(text, text.dropFirst()).contains(where: { $0 == " " && $1 == "#" }) else { return nil }
        return (start + 1, end - start)
    }

    package static func quotedSpan(of entry: YAMLNode, in guide: Guide) -> (column: Int, length: Int)? {
        let scalars = Array(guide.source.originalLine(entry.location.line).unicodeScalars)
        let start = entry.location.column - 1
        guard start >= 0, start < scalars.count, scalars[start] == "'" || scalars[start] == "\"",
              let close = scalars[(start + 1)...].firstIndex(of: scalars[start]) else { return nil }
        // A shortcode's own quotes inside a double-quoted entry would end it early.
        if scalars[start] == "\"", scalars[(start + 1)..<close].contains("{") { return nil }
        return (start + 2, close - start - 1)
    }
}
