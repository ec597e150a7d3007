/// The info string of a fenced code block, parsed by GuideKit rather than cmark so that the
/// original bytes and each attribute's column are kept (later rewriting must not disturb them).
///
/// Grammar, deliberately forgiving: `LANG? ({ ATTR* })?` where `ATTR` is `name=value`,
/// `name="value"`, `name='value'` or a bare word (`.class`, `#id`, `linenos`). Handles
/// `yaml{title="x"}` without a space and a quote that is never closed (the value then runs to
/// `}` or the end of the line and a problem is recorded).
public struct InfoString: Sendable, Equatable {
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String?
        public var location: SourceLocation
    }

    public enum Problem: Sendable, Equatable {
        case unclosedQuote(attribute: String, at: SourceLocation)
        case unclosedBrace(at: SourceLocation)
    }

    /// Everything after the fence characters, byte for byte (trailing CR removed).
    public var raw: String
    /// The first word: the language, as GitHub and cmark use it. `nil` when absent.
    public var language: String?
    /// Where the language word starts, when there is one.
    public var languageLocation: SourceLocation?
    public var attributes: [Attribute]
    public var problems: [Problem]
    /// Words between the language and the attributes (`yaml identity_providers:`), or after
    /// the attributes, trimmed: cmark keeps them in the info string, so they are not part of
    /// the block.
    public var trailingText: Located<String>? = nil

    public func value(of name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Parses the info string on `line` (an original source line) whose fence starts at the
    /// 1-based scalar column `fenceColumn`.
    public static func parse(line: Substring, lineNumber: Int, fenceColumn: Int) -> InfoString {
        let scalars = Array(line.unicodeScalars)
        // The fence column comes from cmark's byte position mapped back to the original line;
        // for a fence produced by a resolved shortcode it can lie past the original line's end.
        var index = min(max(0, fenceColumn - 1), scalars.count)
        let fence = index < scalars.count ? scalars[index] : "`"
        while index < scalars.count, scalars[index] == fence { index += 1 }
        let rawStart = index
        var result = InfoString(raw: String(scalars: scalars[rawStart...]),
                                language: nil, languageLocation: nil, attributes: [], problems: [])
        func location(_ i: Int) -> SourceLocation { SourceLocation(line: lineNumber, column: i + 1) }
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\r" }

        while index < scalars.count, isSpace(scalars[index]) { index += 1 }
        let languageStart = index
        while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "{" { index += 1 }
        if index > languageStart {
            result.language = String(scalars: scalars[languageStart..<index])
            result.languageLocation = location(languageStart)
        }
        while index < scalars.count, isSpace(scalars[index]) { index += 1 }
        let trailingStart = index
        while index < scalars.count, scalars[index] != "{" { index += 1 }
        let trailing = String(scalars: scalars[trailingStart..<index]).trimmingSpaces()
        if !trailing.isEmpty {
            result.trailingText = Located(String(trailing), at: location(trailingStart), length: trailing.unicodeScalars.count)
        }
        guard index < scalars.count else { return result }
        let braceIndex = index
        index += 1
        var closed = false
        while index < scalars.count {
            while index < scalars.count, isSpace(scalars[index]) || scalars[index] == "," { index += 1 }
            guard index < scalars.count else { break }
            if scalars[index] == "}" { closed = true; break }
            let nameStart = index
            while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "=", scalars[index] != "}" {
                index += 1
            }
            let name = String(scalars: scalars[nameStart..<index])
            guard index < scalars.count, scalars[index] == "=" else {
                result.attributes.append(Attribute(name: name, value: nil, location: location(nameStart)))
                continue
            }
            index += 1
            var value = ""
            if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                let quote = scalars[index]
                index += 1
                let valueStart = index
                while index < scalars.count, scalars[index] != quote { index += 1 }
                if index < scalars.count {
                    value = String(scalars: scalars[valueStart..<index])
                    index += 1
                } else {
                    // Unclosed quote: take up to a closing brace, if any, so the block still works.
                    let end = scalars[valueStart...].lastIndex(of: "}") ?? scalars.count
                    value = String(scalars: scalars[valueStart..<end])
                    result.problems.append(.unclosedQuote(attribute: name, at: location(valueStart - 1)))
                    closed = end < scalars.count
                    result.attributes.append(Attribute(name: name, value: value, location: location(nameStart)))
                    return result
                }
            } else {
                let valueStart = index
                while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "}" { index += 1 }
                value = String(scalars: scalars[valueStart..<index])
            }
            result.attributes.append(Attribute(name: name, value: value, location: location(nameStart)))
        }
        if !closed { result.problems.append(.unclosedBrace(at: location(braceIndex))) }
        // Words after the attributes (```` ```yaml {title="x"} identity_providers: ````) are
        // the info string too.
        if closed, result.trailingText == nil {
            var start = index + 1
            while start < scalars.count, isSpace(scalars[start]) { start += 1 }
            let after = String(scalars: scalars[min(start, scalars.count)...]).trimmingSpaces()
            if !after.isEmpty {
                result.trailingText = Located(String(after), at: location(start), length: after.unicodeScalars.count)
            }
        }
        return result
    }
}
