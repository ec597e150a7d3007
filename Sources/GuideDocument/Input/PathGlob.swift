import Foundation

/// A path pattern as `--exclude` takes it: `*` any characters but `/`, `**` any characters,
/// `?` one character but `/`. A pattern with no `/` matches a file name anywhere
/// (`CHANGELOG.md`); one with `/` matches the path from the current folder
/// (`docs/reference/**`).
public struct PathGlob: Sendable {
    public let pattern: String
    /// nil for a literal pattern (compared as text).
    private let expression: Regex?
    /// The pattern relative to the current folder when it has no wildcard: then a set lookup
    /// answers it (`PathGlobSet`), whatever the number of such patterns.
    let literal: String?

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
        literal = relativePattern.contains(where: { $0 == "*" || $0 == "?" }) ? nil : relativePattern
        guard literal == nil else {
            expression = nil
            return
        }
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
        matches(relative: Self.relative(path))
    }

    func matches(relative: String) -> Bool {
        let subject = pattern.containsLiteral("/") ? relative : (relative as NSString).lastPathComponent
        guard let expression else { return subject == literal }
        return expression.value.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
    }

    /// The path as patterns see it: from the current folder, without `./`.
    static func relative(_ path: String) -> String {
        var relative = path
        let cwd = FileManager.default.currentDirectoryPath + "/"
        if relative.hasPrefix(cwd) { relative.removeFirst(cwd.count) }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative
    }
}

/// Many patterns matched at once: patterns without wildcards (most long exclude lists are
/// file names) are looked up in sets, the others tried one by one, so 40,000 names over
/// 20,000 files cost 20,000 lookups, not 800 million regular-expression matches.
public struct PathGlobSet: Sendable {
    private let names: Set<String>
    private let paths: Set<String>
    private let wildcards: [PathGlob]

    public init(_ globs: [PathGlob]) {
        var names = Set<String>(), paths = Set<String>(), wildcards: [PathGlob] = []
        for glob in globs {
            if let literal = glob.literal {
                // As `matches` decides: by the pattern as written (`./README.md` is a path).
                if glob.pattern.containsLiteral("/") { paths.insert(literal) } else { names.insert(literal) }
            } else {
                wildcards.append(glob)
            }
        }
        self.names = names
        self.paths = paths
        self.wildcards = wildcards
    }

    public var isEmpty: Bool { names.isEmpty && paths.isEmpty && wildcards.isEmpty }

    public func matches(_ path: String) -> Bool {
        let relative = PathGlob.relative(path)
        if !names.isEmpty, names.contains((relative as NSString).lastPathComponent) { return true }
        if paths.contains(relative) { return true }
        return wildcards.contains { $0.matches(relative: relative) }
    }
}
