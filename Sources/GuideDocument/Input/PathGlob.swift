import Foundation

/// A path pattern as `--exclude` takes it: `*` any characters but `/`, `**` any characters,
/// `?` one character but `/`. A pattern with no `/` matches a file name anywhere
/// (`CHANGELOG.md`); one with `/` matches the path from the current folder
/// (`docs/reference/**`).
public struct PathGlob: Sendable {
    public let pattern: String
    private let expression: Regex

    private struct Regex: @unchecked Sendable {  // immutable once built
        let value: NSRegularExpression
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        var regex = "^"
        // Paths are compared relative to the current folder (`matches` strips it from the
        // path); a pattern resolved from a configuration file's folder may be absolute.
        var relativePattern = pattern
        let cwd = FileManager.default.currentDirectoryPath + "/"
        if relativePattern.hasPrefix(cwd) { relativePattern.removeFirst(cwd.count) }
        while relativePattern.hasPrefix("./") { relativePattern.removeFirst(2) }
        var scalars = Array(relativePattern.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "*":
                if scalars.first == "*" {
                    scalars = scalars.dropFirst()
                    if scalars.first == "/" { scalars = scalars.dropFirst(); regex += "(?:.*/)?" } else { regex += ".*" }
                } else {
                    regex += "[^/]*"
                }
            case "?": regex += "[^/]"
            default: regex += NSRegularExpression.escapedPattern(for: String(scalar))
            }
        }
        regex += "$"
        // The pattern is built from escaped parts, so it always compiles.
        expression = Regex(value: try! NSRegularExpression(pattern: regex))
    }

    public func matches(_ path: String) -> Bool {
        var relative = path
        let cwd = FileManager.default.currentDirectoryPath + "/"
        if relative.hasPrefix(cwd) { relative.removeFirst(cwd.count) }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        let subject = pattern.containsLiteral("/") ? relative : (relative as NSString).lastPathComponent
        return expression.value.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
    }
}
